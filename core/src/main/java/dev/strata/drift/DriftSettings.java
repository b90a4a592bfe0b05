package dev.strata.drift;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Drift configuration.
 *
 * @param schemas the schemas to snapshot; empty means the history table's schema
 * @param optInKinds kinds compared in addition to the defaults ({@link ObjectKind#GRANT},
 * {@link ObjectKind#OWNER}, {@link ObjectKind#COMMENT})
 */
public record DriftSettings(List<String> schemas, Set<ObjectKind> optInKinds) {

	/** The history table's schema, no opt-in kinds. */
	public static final DriftSettings DEFAULTS = new DriftSettings(List.of(), Set.of());

	public DriftSettings {
		schemas = List.copyOf(schemas);
		for (String schema : schemas) {
			if (schema.isBlank()) {
				throw new IllegalArgumentException("a drift schema must not be blank");
			}
		}
		for (ObjectKind kind : optInKinds) {
			if (!kind.optIn()) {
				throw new IllegalArgumentException(
						kind + " is always compared; only GRANT, OWNER and COMMENT are opt-in");
			}
		}
		optInKinds = optInKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optInKinds));
	}

}
