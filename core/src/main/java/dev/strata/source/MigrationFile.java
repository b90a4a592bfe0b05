package dev.strata.source;

import org.jspecify.annotations.Nullable;

/**
 * One migration file, read and checksummed.
 *
 * @param type versioned or repeatable
 * @param version the version, {@code null} for a repeatable migration
 * @param description the description from the file name, underscores shown as spaces
 * @param script the file's path relative to its location, as recorded in the history
 * @param location where it was found, for messages ({@code classpath:db/migration/V1__init.sql})
 * @param content the text, UTF-8 decoded, without a BOM and with every line ending as {@code \n}
 * @param checksum CRC-32 of {@code content}, so CRLF checkouts and BOMs do not change it
 */
public record MigrationFile(MigrationType type, @Nullable Version version, String description, String script,
		String location, String content, int checksum) {

	/** {@code V1.2} or {@code R} followed by the description: how messages name a migration. */
	public String displayName() {
		return (this.version != null) ? "V" + this.version + " (" + this.description + ")"
				: "R (" + this.description + ")";
	}

}
