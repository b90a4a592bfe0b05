package dev.strata.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Shards split a fleet by a hash that is the same everywhere, once and only once. */
class ShardTest {

	@Test
	void theHashIsCrc32OfTheUtf8NameAndFixed() {
		// CRC-32 of "acme" is 0x05c4ba3e: this must never change, or the pods of a
		// running Indexed Job split the fleet anew.
		assertThat(Shard.bucket("acme", 1_000_000_007)).isEqualTo((int) (0x05c4ba3eL % 1_000_000_007));
		assertThat(Shard.bucket("acme", 4)).isEqualTo((int) (0x05c4ba3eL % 4));
	}

	@Test
	void everyTenantBelongsToExactlyOneShard() {
		List<String> tenants = IntStream.range(0, 1000).mapToObj((i) -> "tenant_" + i).toList();
		for (String tenant : tenants) {
			assertThat(IntStream.range(0, 7).filter((i) -> new Shard(i, 7).selects(tenant)).count()).isOne();
		}
		Map<Integer, Long> sizes = tenants.stream()
			.collect(Collectors.groupingBy((tenant) -> Shard.bucket(tenant, 7), Collectors.counting()));
		assertThat(sizes).hasSize(7).allSatisfy((shard, size) -> assertThat(size).isBetween(100L, 190L));
	}

	@Test
	void parsesIOfN() {
		assertThat(Shard.parse("2/8")).isEqualTo(new Shard(2, 8));
		assertThat(Shard.parse("0/1").selects("anything")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> Shard.parse("8/8"));
		assertThatIllegalArgumentException().isThrownBy(() -> Shard.parse("2"));
		assertThatIllegalArgumentException().isThrownBy(() -> Shard.parse("a/b"));
	}

}
