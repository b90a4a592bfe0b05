package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.MigrationListener;
import dev.strata.migration.PreparedMigration;
import dev.strata.targets.MigrationTarget;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target is a DataSource, a schema, a history table and the search_path migrations run
 * with; results and events name it.
 */
@StrataPostgres(databasePerTest = true)
class TargetTest {

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__accounts.sql", "create table accounts (id int primary key);")
			.write("V2__index.sql", "create index concurrently accounts_id on accounts (id);")
			.write("V3__view.sql", "create view account_ids as select id from accounts;");
	}

	@Test
	void unqualifiedNamesLandInTheSchemasOfTheSearchPath(TestDatabase db) {
		db.execute("create schema tenant_a");

		MigrateResult result = Db
			.strata(db,
					(builder) -> builder.locations(this.files.location())
						.schema("tenant_a")
						.searchPath(List.of("tenant_a")))
			.migrate();

		assertThat(result.schema()).isEqualTo("tenant_a");
		assertThat(result.applied()).hasSize(3);
		assertThat(Db.tableExists(db, "tenant_a.accounts")).isTrue();
		assertThat(Db.tableExists(db, "tenant_a.accounts_id")).as("index built outside a transaction").isTrue();
		assertThat(Db.tableExists(db, "tenant_a.account_ids")).isTrue();
		assertThat(Db.tableExists(db, "public.accounts")).isFalse();
		assertThat(Db.history(db, "tenant_a")).containsExactly("1|SQL|true", "2|SQL|true", "3|SQL|true");
	}

	@Test
	void withoutASearchPathMigrationsRunWithTheConnectionsOwn(TestDatabase db) {
		db.execute("create schema tenant_a");

		Db.strata(db, (builder) -> builder.locations(this.files.location()).schema("tenant_a")).migrate();

		assertThat(Db.tableExists(db, "public.accounts")).isTrue();
		assertThat(Db.tableExists(db, "tenant_a.accounts")).isFalse();
		assertThat(Db.history(db, "tenant_a")).hasSize(3);
	}

	@Test
	void aHistoryOnlyInAnotherSchemaIsNotTakenForAnEmptyOne(TestDatabase db) throws InterruptedException {
		db.execute("create schema tenant_a");
		Strata first = Db.strata(db, (builder) -> builder.locations(this.files.location()).schema("tenant_a"));
		first.migrate();
		first.awaitSnapshot();
		OpenConnections connections = new OpenConnections(db.dataSource());

		StrataException refusal = catchThrowableOfType(StrataException.class,
				() -> new Strata(
						StrataConfig.builder(connections.dataSource()).locations(this.files.location()).build())
					.migrate());

		assertThat(refusal.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(refusal)
			.hasMessageContaining(
					"is not in schema \"public\" (the connection's current schema) but" + " exists in \"tenant_a\"")
			.hasMessageContaining("Set strata.schema");
		assertThat(Db.tableExists(db, "public.strata_schema_history")).isFalse();
		// The lock's connection, opened as soon as no history showed, is closed too.
		assertThat(connections.allClosed()).as("connections left open").isTrue();
	}

	@Test
	void aConfiguredSchemaIsMigratedWhateverOtherSchemasHold(TestDatabase db) {
		db.execute("create schema tenant_a");
		db.execute("create schema tenant_b");
		Db.strata(db, (builder) -> builder.locations(this.files.location()).schema("tenant_a")).migrate();

		MigrateResult result = Db
			.strata(db,
					(builder) -> builder.locations(this.files.location())
						.schema("tenant_b")
						.searchPath(List.of("tenant_b")))
			.migrate();

		assertThat(result.applied()).hasSize(3);
		assertThat(Db.history(db, "tenant_b")).hasSize(3);
	}

	@Test
	void resultsAndEventsNameTheTarget(TestDatabase db) {
		List<String> events = new CopyOnWriteArrayList<>();
		MigrationListener listener = new MigrationListener() {

			@Override
			public void lockAcquired(MigrationTarget target, Duration waited) {
				events.add("lock " + target.name());
			}

			@Override
			public void applied(MigrationTarget target, PreparedMigration migration, Duration duration) {
				events.add(target.name() + " " + migration.migration().script());
			}

		};
		Strata strata = Db.strata(db,
				(builder) -> builder.locations(this.files.location()).targetName("tenant-a").listener(listener));

		MigrateResult result = strata.migrate();

		assertThat(result.target()).isEqualTo("tenant-a");
		assertThat(strata.status().target()).isEqualTo("tenant-a");
		assertThat(events).containsExactly("lock tenant-a", "tenant-a V1__accounts.sql", "tenant-a V2__index.sql",
				"tenant-a V3__view.sql");
		assertThat(Db.strata(db, this.files.location()).status().target()).isEqualTo(MigrationTarget.DEFAULT_NAME);
	}

	/**
	 * A real DataSource that counts the connections it handed out and that were not
	 * closed (the driver's own clean-up of a lost connection does not count as closed).
	 */
	static final class OpenConnections {

		private final AtomicInteger open = new AtomicInteger();

		private final DataSource dataSource;

		OpenConnections(DataSource dataSource) {
			this.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
						Object result = invoke(dataSource, method, args);
						if (result instanceof Connection connection) {
							this.open.incrementAndGet();
							return counted(connection);
						}
						return result;
					});
		}

		private Connection counted(Connection connection) {
			AtomicBoolean closed = new AtomicBoolean();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
							this.open.decrementAndGet();
						}
						return invoke(connection, method, args);
					});
		}

		private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

		DataSource dataSource() {
			return this.dataSource;
		}

		/**
		 * Whether none is open, and none was for half a second: a connection opened on
		 * another thread may still be on its way.
		 */
		boolean allClosed() throws InterruptedException {
			long quietSince = 0;
			for (int i = 0; i < 100; i++) {
				if (this.open.get() > 0) {
					quietSince = 0;
				}
				else if (quietSince == 0) {
					quietSince = System.nanoTime();
				}
				else if (System.nanoTime() - quietSince > Duration.ofMillis(500).toNanos()) {
					return true;
				}
				Thread.sleep(50);
			}
			return false;
		}

	}

}
