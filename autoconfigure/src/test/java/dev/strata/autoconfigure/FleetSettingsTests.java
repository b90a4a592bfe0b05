package dev.strata.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.zaxxer.hikari.HikariDataSource;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.fleet.Shard;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code strata.tenants.parallelism} is held to what the pool serves, and the shard comes
 * from {@code strata.tenants.shard} or the Indexed Job's {@code JOB_COMPLETION_INDEX}.
 */
class FleetSettingsTests {

	@Test
	void parallelismIsAtMostHalfThePool() {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setMaximumPoolSize(6);
			assertThat(StrataFleetConfiguration.parallelism(8, pool)).isEqualTo(3);
			assertThat(StrataFleetConfiguration.parallelism(2, pool)).isEqualTo(2);
			pool.setMaximumPoolSize(1);
			assertThat(StrataFleetConfiguration.parallelism(4, pool)).isOne();
		}
		assertThat(StrataFleetConfiguration.parallelism(16, new SimpleDriverDataSource())).as("a size not known")
			.isEqualTo(16);
	}

	@Test
	void shardIsConfiguredOrTakenFromTheJobCompletionIndex() {
		StrataProperties.Tenants tenants = new StrataProperties.Tenants();
		MockEnvironment environment = new MockEnvironment();
		assertThat(StrataFleetConfiguration.shard(tenants, environment)).isEqualTo(Shard.ALL);
		tenants.setShardCount(4);
		environment.setProperty("JOB_COMPLETION_INDEX", "3");
		assertThat(StrataFleetConfiguration.shard(tenants, environment)).isEqualTo(new Shard(3, 4));
		tenants.setShard("1/2");
		assertThat(StrataFleetConfiguration.shard(tenants, environment)).isEqualTo(new Shard(1, 2));
	}

	@Test
	void aShardThatCannotBeIsAConfigurationError() {
		StrataProperties.Tenants tenants = new StrataProperties.Tenants();
		tenants.setShardCount(4);
		assertThatExceptionOfType(StrataException.class)
			.isThrownBy(() -> StrataFleetConfiguration.shard(tenants, new MockEnvironment()))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION))
			.withMessageContaining("JOB_COMPLETION_INDEX is not set");
		MockEnvironment index = new MockEnvironment().withProperty("JOB_COMPLETION_INDEX", "4");
		assertThatExceptionOfType(StrataException.class)
			.isThrownBy(() -> StrataFleetConfiguration.shard(tenants, index))
			.withMessageContaining("strata.tenants.shard")
			.withMessageContaining("JOB_COMPLETION_INDEX=4");
		tenants.setShard("two of four");
		assertThatExceptionOfType(StrataException.class)
			.isThrownBy(() -> StrataFleetConfiguration.shard(tenants, index))
			.withMessageContaining("i/n");
	}

}
