package dev.strata.drift.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import dev.strata.drift.AttributeChange;
import dev.strata.drift.ChangeType;
import dev.strata.drift.ObjectChange;
import dev.strata.drift.ObjectKind;

/**
 * Turns the differing rows of a comparison into {@link ObjectChange}s: attribute by
 * attribute, with a unified diff for multi-line values, and columns folded into their
 * table so that a report says "table t: column c added" rather than listing a loose
 * column.
 */
public final class ChangeAssembler {

	/**
	 * A row that differs between snapshot and live schema.
	 *
	 * @param kind the kind label
	 * @param identity the identity
	 * @param before the stored definition, {@code null} when added
	 * @param after the live definition, {@code null} when removed
	 */
	public record Row(String kind, String identity, @Nullable String before, @Nullable String after) {
	}

	private ChangeAssembler() {
	}

	public static List<ObjectChange> assemble(List<Row> rows) {
		Map<String, ObjectChange> tables = new LinkedHashMap<>();
		Map<String, List<ObjectChange>> columnsByTable = new LinkedHashMap<>();
		List<ObjectChange> changes = new ArrayList<>();
		for (Row row : rows) {
			ObjectKind kind = ObjectKind.ofLabel(row.kind());
			if (kind == ObjectKind.COLUMN) {
				String[] parts = splitLast(row.identity());
				columnsByTable.computeIfAbsent(parts[0], (table) -> new ArrayList<>())
					.add(change(kind, parts[1], row.before(), row.after()));
			}
			else if (kind == ObjectKind.TABLE) {
				tables.put(row.identity(), change(kind, row.identity(), row.before(), row.after()));
			}
			else {
				changes.add(change(kind, row.identity(), row.before(), row.after()));
			}
		}
		columnsByTable.forEach((table, columns) -> tables.merge(table,
				new ObjectChange(ObjectKind.TABLE, table, ChangeType.CHANGED, Map.of(), Map.of(), List.of(), columns),
				(existing, synthetic) -> new ObjectChange(existing.kind(), existing.identity(), existing.change(),
						existing.before(), existing.after(), existing.attributes(), columns)));
		changes.addAll(tables.values());
		changes.sort(Comparator.comparing(ObjectChange::kind).thenComparing(ObjectChange::identity));
		return changes;
	}

	private static ObjectChange change(ObjectKind kind, String identity, @Nullable String before,
			@Nullable String after) {
		Map<String, String> old = (before != null) ? Definition.parse(before) : Map.of();
		Map<String, String> fresh = (after != null) ? Definition.parse(after) : Map.of();
		ChangeType type = (before == null) ? ChangeType.ADDED
				: (after == null) ? ChangeType.REMOVED : ChangeType.CHANGED;
		List<AttributeChange> attributes = (type == ChangeType.CHANGED) ? compare(old, fresh) : List.of();
		return new ObjectChange(kind, identity, type, old, fresh, attributes, List.of());
	}

	private static List<AttributeChange> compare(Map<String, String> before, Map<String, String> after) {
		Set<String> names = new LinkedHashSet<>(before.keySet());
		names.addAll(after.keySet());
		List<AttributeChange> changes = new ArrayList<>();
		for (String name : names) {
			String old = before.get(name);
			String fresh = after.get(name);
			if (!Objects.equals(old, fresh)) {
				boolean multiLine = (old != null && old.indexOf('\n') >= 0)
						|| (fresh != null && fresh.indexOf('\n') >= 0);
				String diff = multiLine ? LineDiff.unified((old != null) ? old : "", (fresh != null) ? fresh : "")
						: null;
				changes.add(new AttributeChange(name, old, fresh, diff));
			}
		}
		return changes;
	}

	/**
	 * Splits {@code schema.table.column} (each part quoted as {@code format('%I')} does)
	 * into {@code schema.table} and {@code column}.
	 */
	public static String[] splitLast(String identity) {
		int start;
		if (identity.endsWith("\"")) {
			int i = identity.length() - 2;
			while (i > 0 && !(identity.charAt(i) == '"' && identity.charAt(i - 1) != '"')) {
				i -= (identity.charAt(i) == '"') ? 2 : 1;
			}
			start = i;
		}
		else {
			start = identity.lastIndexOf('.') + 1;
		}
		return new String[] { identity.substring(0, Math.max(0, start - 1)), identity.substring(start) };
	}

}
