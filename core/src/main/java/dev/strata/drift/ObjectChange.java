package dev.strata.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One object that differs from the stored snapshot.
 *
 * @param kind the kind of object
 * @param identity schema-qualified name (for columns in {@link #columns()}: the column
 * name; for functions: with argument types)
 * @param change added, removed or changed
 * @param before the stored attributes, empty when added
 * @param after the live attributes, empty when removed
 * @param attributes for a changed object, each attribute that differs
 * @param columns for a table, its columns that were added, removed or changed
 */
public record ObjectChange(ObjectKind kind, String identity, ChangeType change, Map<String, String> before,
		Map<String, String> after, List<AttributeChange> attributes, List<ObjectChange> columns) {

	public ObjectChange {
		// insertion order is the order the snapshot prints attributes in
		before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
		after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
		attributes = List.copyOf(attributes);
		columns = List.copyOf(columns);
	}

	/** The change of the named attribute, if it changed. */
	public Optional<AttributeChange> attribute(String name) {
		return this.attributes.stream().filter((attribute) -> attribute.name().equals(name)).findFirst();
	}

	/** The change of the named column, if it changed. */
	public Optional<ObjectChange> column(String name) {
		return this.columns.stream().filter((column) -> column.identity().equals(name)).findFirst();
	}

}
