package dev.strata.fleet;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One of {@code count} parts of a fleet, so that several processes (the pods of a
 * Kubernetes Indexed Job) each take their own tenants. A tenant belongs to the shard
 * {@code CRC-32(UTF-8 bytes of its name) mod count}: the same on every machine and JVM,
 * and a tenant added later moves no other tenant. Two shards that overlap (a count
 * changed between runs) are safe: each tenant is migrated under its own lock.
 *
 * @param index this shard, from 0
 * @param count how many shards there are
 */
public record Shard(int index, int count) {

	/** The whole fleet in one shard. */
	public static final Shard ALL = new Shard(0, 1);

	public Shard {
		if (count < 1 || index < 0 || index >= count) {
			throw new IllegalArgumentException("A shard is i/n with 0 <= i < n, was " + index + "/" + count);
		}
	}

	/**
	 * Reads {@code i/n}, e.g. {@code 2/8}.
	 * @throws IllegalArgumentException if it is not of that form
	 */
	public static Shard parse(String text) {
		int slash = text.indexOf('/');
		if (slash < 0) {
			throw new IllegalArgumentException("A shard is written i/n (e.g. 0/4), was '" + text + "'");
		}
		try {
			return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
					Integer.parseInt(text.substring(slash + 1).trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("A shard is written i/n (e.g. 0/4), was '" + text + "'", ex);
		}
	}

	/** Whether the tenant of this name belongs to this shard. */
	public boolean selects(String tenant) {
		return this.count == 1 || bucket(tenant, this.count) == this.index;
	}

	/** The shard of {@code count} that takes the tenant of this name. */
	public static int bucket(String tenant, int count) {
		CRC32 crc = new CRC32();
		crc.update(tenant.getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() % count);
	}

	@Override
	public String toString() {
		return this.index + "/" + this.count;
	}

}
