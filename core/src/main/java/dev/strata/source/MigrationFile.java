package dev.strata.source;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import dev.strata.source.internal.MigrationText;

/**
 * One migration file, read and checksummed. Its text is decoded only when asked for: a
 * restart with nothing pending checksums every file but needs the text of none.
 */
public final class MigrationFile {

	private final MigrationType type;

	private final @Nullable Version version;

	private final String description;

	private final String script;

	private final String location;

	private final int checksum;

	private final byte @Nullable [] bytes;

	private volatile @Nullable String content;

	/**
	 * A file whose text is already known.
	 * @param type versioned or repeatable
	 * @param version the version, {@code null} for a repeatable migration
	 * @param description the description from the file name, underscores shown as spaces
	 * @param script the file's path relative to its location, as recorded in the history
	 * @param location where it was found, for messages
	 * ({@code classpath:db/migration/V1__init.sql})
	 * @param content the text, without a BOM and with every line ending as {@code \n}
	 * @param checksum CRC-32 of {@code content}'s UTF-8 bytes
	 */
	public MigrationFile(MigrationType type, @Nullable Version version, String description, String script,
			String location, String content, int checksum) {
		this(type, version, description, script, location, checksum, null, content);
	}

	private MigrationFile(MigrationType type, @Nullable Version version, String description, String script,
			String location, int checksum, byte @Nullable [] bytes, @Nullable String content) {
		this.type = type;
		this.version = version;
		this.description = description;
		this.script = script;
		this.location = location;
		this.checksum = checksum;
		this.bytes = bytes;
		this.content = content;
	}

	/**
	 * A file as read: checksummed now, decoded (and checked to be UTF-8) on first use.
	 */
	public static MigrationFile read(MigrationType type, @Nullable Version version, String description, String script,
			String location, byte[] bytes) {
		return new MigrationFile(type, version, description, script, location, MigrationText.checksum(bytes, location),
				bytes, null);
	}

	public MigrationType type() {
		return this.type;
	}

	public @Nullable Version version() {
		return this.version;
	}

	public String description() {
		return this.description;
	}

	public String script() {
		return this.script;
	}

	public String location() {
		return this.location;
	}

	/** CRC-32 of the normalised text, so CRLF checkouts and BOMs do not change it. */
	public int checksum() {
		return this.checksum;
	}

	/**
	 * The text, UTF-8 decoded, without a BOM and with every line ending as {@code \n}.
	 * @throws MigrationSourceException naming the file and line if it is not valid UTF-8
	 */
	public String content() {
		String text = this.content;
		if (text == null) {
			text = MigrationText.decode(Objects.requireNonNull(this.bytes), this.location);
			this.content = text;
		}
		return text;
	}

	/**
	 * {@code V1.2} or {@code R} followed by the description: how messages name a
	 * migration.
	 */
	public String displayName() {
		return MigrationNames.display((this.version != null) ? this.version.toString() : null, this.description);
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof MigrationFile other && this.type == other.type
				&& Objects.equals(this.version, other.version) && this.description.equals(other.description)
				&& this.script.equals(other.script) && this.location.equals(other.location)
				&& this.checksum == other.checksum;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.location, this.checksum);
	}

	@Override
	public String toString() {
		return this.location + " (checksum " + this.checksum + ")";
	}

}
