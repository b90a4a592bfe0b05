package dev.strata.archive;

import java.time.Duration;
import java.util.Objects;

/**
 * How Strata archives what allowed destructive statements remove.
 *
 * @param enabled {@code strata.archive.enabled}: whether anything is archived
 * @param schema {@code strata.archive.schema}: the schema archives are kept in, created
 * on first use
 * @param maxRows {@code strata.archive.max-rows}: a statement whose archive would copy
 * more rows is refused, unless its directive says {@code archive=none}
 * @param retention {@code strata.archive.retention}: how old an archive must be for
 * {@code purge-archives} to remove it
 */
public record ArchiveSettings(boolean enabled, String schema, long maxRows, Duration retention) {

	/** On, in {@code strata_archive}, up to 10,000,000 rows, kept 30 days. */
	public static final ArchiveSettings DEFAULTS = new ArchiveSettings(true, "strata_archive", 10_000_000L,
			Duration.ofDays(30));

	public ArchiveSettings {
		Objects.requireNonNull(schema, "schema must not be null");
		if (schema.isBlank()) {
			throw new IllegalArgumentException("strata.archive.schema must not be blank");
		}
		if (maxRows < 0) {
			throw new IllegalArgumentException("strata.archive.max-rows must not be negative");
		}
		Objects.requireNonNull(retention, "retention must not be null");
		if (retention.isNegative()) {
			throw new IllegalArgumentException("strata.archive.retention must not be negative");
		}
	}

}
