package dev.strata.drift;

import java.time.Instant;
import dev.strata.drift.internal.CatalogQuery;

/**
 * The stored snapshot's header.
 *
 * @param takenAt when it was taken
 * @param serverVersionNum PostgreSQL's {@code server_version_num} at the time, e.g.
 * 170004
 * @param formatVersion the snapshot format ({@link CatalogQuery#FORMAT_VERSION} when it
 * was taken)
 * @param reason why it was taken: {@code MIGRATE}, {@code BASELINE}, {@code ACCEPTED} or
 * {@code UNDO}
 * @param schemas the schemas it covers, as {@link #schemaList(java.util.List)} renders
 * them
 * @param objectCount the objects it holds, all kinds included
 * @param totalHash SHA-256 over the hash of every kind (each over its objects' identities
 * and hashes)
 */
public record SnapshotInfo(Instant takenAt, int serverVersionNum, int formatVersion, String reason, String schemas,
		int objectCount, String totalHash) {

	/** The PostgreSQL major version, e.g. 17. */
	public int serverMajor() {
		return this.serverVersionNum / 10000;
	}

	public static String schemaList(java.util.List<String> schemas) {
		return String.join(", ", schemas.stream().map((schema) -> '"' + schema.replace("\"", "\"\"") + '"').toList());
	}

}
