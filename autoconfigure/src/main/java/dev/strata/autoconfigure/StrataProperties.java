package dev.strata.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.strata.StrataConfig;
import dev.strata.drift.ObjectKind;
import dev.strata.execute.LockMode;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.effect.VerifyEffects;
import dev.strata.guard.policy.RuleMode;
import dev.strata.report.lint.LintFormat;
import dev.strata.guard.report.LintScope;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Strata, under {@code strata.*}.
 * <p>
 * Core's {@link StrataConfig.Builder} is the home of every default. The configuration
 * processor records a default only from a literal initialiser, so most fields state
 * theirs again as a literal; the two that cannot ({@code locations}, a mutable list, and
 * {@code guard.large-table-rows}) use core's constant and declare their default in
 * {@code additional-spring-configuration-metadata.json}. {@code DefaultValuesTests} holds
 * the metadata, these fields, core and docs/configuration.md equal.
 */
@ConfigurationProperties("strata")
public class StrataProperties {

	/**
	 * Whether to enable Strata.
	 */
	private boolean enabled = true;

	/**
	 * What the application does with migrations when it starts: apply the pending ones,
	 * only check that none is pending or invalid (and refuse to start otherwise), or
	 * nothing.
	 */
	private OnStartup onStartup = OnStartup.MIGRATE;

	/**
	 * Locations of migration files: 'classpath:' or 'filesystem:' prefixed; several are
	 * merged.
	 */
	private List<String> locations = new ArrayList<>(List.of(StrataConfig.DEFAULT_LOCATION));

	// Whether strata.locations was set: a location set must exist, the default need not.
	private boolean locationsConfigured;

	/**
	 * Schema of the history table. Defaults to the connection's current schema. Created
	 * if missing.
	 */
	private @Nullable String schema;

	/**
	 * Name of the history table.
	 */
	private String table = "strata_schema_history";

	/**
	 * JDBC URL of the database to migrate, if not the application's DataSource.
	 */
	private @Nullable String url;

	/**
	 * Login user for migrating. Without 'strata.url', used with the application's URL, so
	 * the application's own user needs no DDL rights.
	 */
	private @Nullable String user;

	/**
	 * Login password for migrating.
	 */
	private @Nullable String password;

	/**
	 * Fully qualified name of the JDBC driver. Auto-detected from the URL by default.
	 */
	private @Nullable String driverClassName;

	/**
	 * PostgreSQL lock_timeout for each migration: how long a statement may wait for a
	 * lock before the migration is rolled back (and retried). Zero means wait forever.
	 */
	private Duration lockTimeout = Duration.ofSeconds(10);

	/**
	 * How often a migration that hit lock_timeout is rolled back and retried, with a
	 * doubling backoff starting at one second.
	 */
	private int lockRetries = 3;

	/**
	 * PostgreSQL statement_timeout for each migration. None by default.
	 */
	private @Nullable Duration statementTimeout;

	/**
	 * How often a migration still running logs what it is doing (file, statement line,
	 * time so far, and the phase PostgreSQL reports), and how long a statement must run
	 * to be listed among the slow statements of the result. 0 turns both off.
	 */
	private Duration progressInterval = Duration.ofSeconds(10);

	/**
	 * How long to wait for another migrator (another replica, a migrator job) to finish
	 * before giving up.
	 */
	private Duration lockWaitTimeout = Duration.ofMinutes(10);

	/**
	 * How the migration lock is held: 'advisory' (a session advisory lock, released by
	 * the server when the migrator's session ends), 'lease' (a lease row renewed by a
	 * heartbeat, for a pooler in transaction mode such as PgBouncer), or 'auto'
	 * (advisory, unless a pooler in transaction mode is detected).
	 */
	private LockMode lockMode = LockMode.AUTO;

	/**
	 * How long a lease stays valid without renewal in 'lease' mode: a crashed migrator's
	 * lease runs out after it. Renewed every third of it.
	 */
	private Duration lockLease = Duration.ofSeconds(30);

	/**
	 * Whether to apply a pending migration whose version is below the current version.
	 */
	private boolean outOfOrder;

	/**
	 * Version to record when baselining an existing database: migrations at or below it
	 * are taken as applied, not run.
	 */
	private String baselineVersion = "1";

	/**
	 * Whether to baseline automatically when migrating a schema that has tables but no
	 * history.
	 */
	private boolean baselineOnMigrate;

	/**
	 * Values of the ${name} placeholders in SQL files, by name (Flyway's syntax).
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Whether placeholders in SQL files are replaced. Off, files run as written.
	 */
	private boolean placeholderReplacement = true;

	/**
	 * What opens a placeholder in SQL files.
	 */
	private String placeholderPrefix = "${";

	/**
	 * What closes a placeholder in SQL files.
	 */
	private String placeholderSuffix = "}";

	/**
	 * Adopting a history Flyway wrote.
	 */
	private final Flyway flyway = new Flyway();

	/**
	 * Whether to let every DESTRUCTIVE statement (DROP TABLE, DROP COLUMN, TRUNCATE,
	 * DELETE, ...) through, each logged as a warning with its statement. Prefer a '--
	 * strata:allow' directive with a reason in the migration itself.
	 */
	private boolean allowDestructive;

	/**
	 * How the guard judges migration statements.
	 */
	private final Guard guard = new Guard();

	/**
	 * What the lint command reads and how it reports.
	 */
	private final Lint lint = new Lint();

	private final Drift drift = new Drift();

	private final Health health = new Health();

	/**
	 * Many tenant schemas migrated as one fleet.
	 */
	private final Tenants tenants = new Tenants();

	/**
	 * Further databases to migrate, by name, each independently of the others and of the
	 * default target (strata.*): its own connection, migration files, history and lock.
	 * Other strata.* settings apply to every target.
	 */
	private final Map<String, Target> targets = new LinkedHashMap<>();

	private final Archive archive = new Archive();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
		this.locationsConfigured = true;
	}

	/**
	 * Whether the locations were set (binding calls the setter only for a property that
	 * is there), rather than left at the default. Not a bean property.
	 */
	boolean locationsConfigured() {
		return this.locationsConfigured;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getDriverClassName() {
		return this.driverClassName;
	}

	public void setDriverClassName(@Nullable String driverClassName) {
		this.driverClassName = driverClassName;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		this.lockRetries = lockRetries;
	}

	public @Nullable Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(@Nullable Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public Duration getProgressInterval() {
		return this.progressInterval;
	}

	public void setProgressInterval(Duration progressInterval) {
		this.progressInterval = progressInterval;
	}

	public Duration getLockWaitTimeout() {
		return this.lockWaitTimeout;
	}

	public void setLockWaitTimeout(Duration lockWaitTimeout) {
		this.lockWaitTimeout = lockWaitTimeout;
	}

	public LockMode getLockMode() {
		return this.lockMode;
	}

	public void setLockMode(LockMode lockMode) {
		this.lockMode = lockMode;
	}

	public Duration getLockLease() {
		return this.lockLease;
	}

	public void setLockLease(Duration lockLease) {
		this.lockLease = lockLease;
	}

	public boolean isOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(boolean outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public String getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(String baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public boolean isAllowDestructive() {
		return this.allowDestructive;
	}

	public void setAllowDestructive(boolean allowDestructive) {
		this.allowDestructive = allowDestructive;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public boolean isPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	public void setPlaceholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
	}

	public String getPlaceholderPrefix() {
		return this.placeholderPrefix;
	}

	public void setPlaceholderPrefix(String placeholderPrefix) {
		this.placeholderPrefix = placeholderPrefix;
	}

	public String getPlaceholderSuffix() {
		return this.placeholderSuffix;
	}

	public void setPlaceholderSuffix(String placeholderSuffix) {
		this.placeholderSuffix = placeholderSuffix;
	}

	public Flyway getFlyway() {
		return this.flyway;
	}

	public Guard getGuard() {
		return this.guard;
	}

	public Lint getLint() {
		return this.lint;
	}

	public Drift getDrift() {
		return this.drift;
	}

	public Health getHealth() {
		return this.health;
	}

	public Tenants getTenants() {
		return this.tenants;
	}

	public Map<String, Target> getTargets() {
		return this.targets;
	}

	public Archive getArchive() {
		return this.archive;
	}

	/**
	 * Schema drift checks, and the status behind the endpoint, health and metrics.
	 */
	public static class Drift {

		/**
		 * How often the status behind the endpoint, health and metrics is read from the
		 * database, schema drift check included; reads between two checks are answered
		 * from memory.
		 */
		private Duration checkInterval = Duration.ofMinutes(5);

		/**
		 * Schemas whose objects are snapshotted and compared. Defaults to the history
		 * table's schema.
		 */
		private List<String> schemas = new ArrayList<>();

		/**
		 * Kinds compared in addition to the default ones, which usually differ between
		 * environments: grants, owners, comments.
		 */
		private Set<OptInKind> include = new LinkedHashSet<>();

		/**
		 * Whether migrate returns once the migrations are committed and stores the schema
		 * snapshot on a thread of its own, still under the migration lock. Every Strata
		 * command on the same target, the migrator's exit and the application's shutdown
		 * wait for it; set false to make start-up wait too (when something else starting
		 * with the application changes the schema right away).
		 */
		private boolean snapshotInBackground = true;

		public Duration getCheckInterval() {
			return this.checkInterval;
		}

		public void setCheckInterval(Duration checkInterval) {
			this.checkInterval = checkInterval;
		}

		public List<String> getSchemas() {
			return this.schemas;
		}

		public void setSchemas(List<String> schemas) {
			this.schemas = schemas;
		}

		public Set<OptInKind> getInclude() {
			return this.include;
		}

		public boolean isSnapshotInBackground() {
			return this.snapshotInBackground;
		}

		public void setSnapshotInBackground(boolean snapshotInBackground) {
			this.snapshotInBackground = snapshotInBackground;
		}

		public void setInclude(Set<OptInKind> include) {
			this.include = include;
		}

		/**
		 * Kinds of objects that drift checks compare only when asked to.
		 */
		public enum OptInKind {

			/** Privileges granted on objects. */
			GRANTS(ObjectKind.GRANT),

			/** The owner role of each object. */
			OWNERS(ObjectKind.OWNER),

			/** Comments on objects. */
			COMMENTS(ObjectKind.COMMENT);

			private final ObjectKind kind;

			OptInKind(ObjectKind kind) {
				this.kind = kind;
			}

			public ObjectKind kind() {
				return this.kind;
			}

		}

	}

	/**
	 * The 'migrations' health contributor.
	 */
	public static class Health {

		/**
		 * Whether schema drift makes the health contributor DOWN (it is always shown in
		 * the details).
		 */
		private boolean failOnDrift;

		public boolean isFailOnDrift() {
			return this.failOnDrift;
		}

		public void setFailOnDrift(boolean failOnDrift) {
			this.failOnDrift = failOnDrift;
		}

	}

	/**
	 * Adopting a schema Flyway migrated, under {@code strata.flyway.*}.
	 */
	public static class Flyway {

		/**
		 * Whether to adopt a schema Flyway migrated (its history table present, Strata's
		 * not): the next migrate records Flyway's history as Strata's, each applied file
		 * verified with Flyway's checksum, and applies only what is pending. Off, such a
		 * schema is refused.
		 */
		private boolean adopt;

		/**
		 * Flyway's history table, in the schema of Strata's history.
		 */
		private String table = "flyway_schema_history";

		public boolean isAdopt() {
			return this.adopt;
		}

		public void setAdopt(boolean adopt) {
			this.adopt = adopt;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

	}

	/**
	 * The guard's settings, under {@code strata.guard.*}.
	 */
	public static class Guard {

		/**
		 * Whether LOCKING and INCOMPATIBLE findings refuse the migration too, not only
		 * DESTRUCTIVE ones.
		 */
		private boolean strict;

		/**
		 * Per-rule override of what a rule's findings do, by rule id: 'off' (not
		 * reported), 'warn' (reported, never refuses) or 'refuse'. Rule ids are listed in
		 * docs/guard.md.
		 */
		private Map<String, RuleMode> rules = new LinkedHashMap<>();

		/**
		 * Version up to which migrations are not checked by the guard: those applied
		 * before the guard was adopted.
		 */
		private @Nullable String baselineVersion;

		/**
		 * Estimated row count (pg_class.reltuples) above which a LOCKING finding on a
		 * table refuses the migration instead of only warning.
		 */
		private long largeTableRows = GuardSettings.DEFAULT_LARGE_TABLE_ROWS;

		/**
		 * When to check a migration's effect inside its transaction before commit
		 * (dropped tables, columns, types, enum values; deleted or truncated rows):
		 * 'review' for migrations with statements the guard cannot see into (DO blocks,
		 * function calls), 'always', or 'never'.
		 */
		private VerifyEffects verifyEffects = VerifyEffects.REVIEW;

		public boolean isStrict() {
			return this.strict;
		}

		public void setStrict(boolean strict) {
			this.strict = strict;
		}

		public Map<String, RuleMode> getRules() {
			return this.rules;
		}

		public void setRules(Map<String, RuleMode> rules) {
			this.rules = rules;
		}

		public @Nullable String getBaselineVersion() {
			return this.baselineVersion;
		}

		public void setBaselineVersion(@Nullable String baselineVersion) {
			this.baselineVersion = baselineVersion;
		}

		public long getLargeTableRows() {
			return this.largeTableRows;
		}

		public void setLargeTableRows(long largeTableRows) {
			this.largeTableRows = largeTableRows;
		}

		public VerifyEffects getVerifyEffects() {
			return this.verifyEffects;
		}

		public void setVerifyEffects(VerifyEffects verifyEffects) {
			this.verifyEffects = verifyEffects;
		}

	}

	/**
	 * The lint command's settings, under {@code strata.lint.*}.
	 */
	public static class Lint {

		/**
		 * Which migrations to lint: the pending ones, or all.
		 */
		private LintScope scope = LintScope.PENDING;

		/**
		 * Format of the lint report: 'text', 'json', 'github' (workflow annotations) or
		 * 'sarif' (code scanning).
		 */
		private LintFormat format = LintFormat.TEXT;

		public LintScope getScope() {
			return this.scope;
		}

		public void setScope(LintScope scope) {
			this.scope = scope;
		}

		public LintFormat getFormat() {
			return this.format;
		}

		public void setFormat(LintFormat format) {
			this.format = format;
		}

	}

	/**
	 * One more database to migrate, under {@code strata.targets.<name>.*}. Its connection
	 * is its own (never the default target's); its locations default to
	 * {@code classpath:db/<name>}; what it leaves unset of the rest is taken from
	 * {@code strata.*}.
	 */
	public static class Target {

		/**
		 * JDBC URL of the target's database. Either this or 'data-source'.
		 */
		private @Nullable String url;

		/**
		 * Name of a DataSource bean whose database the target migrates, instead of 'url'.
		 * With 'user', its URL with that login.
		 */
		private @Nullable String dataSource;

		/**
		 * Login user for migrating the target.
		 */
		private @Nullable String user;

		/**
		 * Login password for migrating the target.
		 */
		private @Nullable String password;

		/**
		 * Fully qualified name of the JDBC driver. Auto-detected from the URL by default.
		 */
		private @Nullable String driverClassName;

		/**
		 * Locations of the target's migration files, 'classpath:' or 'filesystem:'
		 * prefixed. Default: classpath:db/<name>, which must exist.
		 */
		private @Nullable List<String> locations;

		/**
		 * Schema of the target's history table. Default: strata.schema.
		 */
		private @Nullable String schema;

		/**
		 * Name of the target's history table. Default: strata.table.
		 */
		private @Nullable String table;

		/**
		 * What the application does with the target's migrations when it starts. Default:
		 * strata.on-startup.
		 */
		private @Nullable OnStartup onStartup;

		/**
		 * How the guard judges the target's migrations; what is unset is taken from
		 * strata.guard.*.
		 */
		private final Guard guard = new Guard();

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getDataSource() {
			return this.dataSource;
		}

		public void setDataSource(@Nullable String dataSource) {
			this.dataSource = dataSource;
		}

		public @Nullable String getUser() {
			return this.user;
		}

		public void setUser(@Nullable String user) {
			this.user = user;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getDriverClassName() {
			return this.driverClassName;
		}

		public void setDriverClassName(@Nullable String driverClassName) {
			this.driverClassName = driverClassName;
		}

		public @Nullable List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(@Nullable List<String> locations) {
			this.locations = locations;
		}

		public @Nullable String getSchema() {
			return this.schema;
		}

		public void setSchema(@Nullable String schema) {
			this.schema = schema;
		}

		public @Nullable String getTable() {
			return this.table;
		}

		public void setTable(@Nullable String table) {
			this.table = table;
		}

		public @Nullable OnStartup getOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(@Nullable OnStartup onStartup) {
			this.onStartup = onStartup;
		}

		public Guard getGuard() {
			return this.guard;
		}

	}

	/**
	 * What the application does with migrations at startup.
	 */
	public enum OnStartup {

		/**
		 * Apply pending migrations.
		 */
		MIGRATE,

		/**
		 * Refuse to start when a migration is pending or the history is invalid; apply
		 * nothing.
		 */
		VALIDATE,

		/**
		 * Do nothing.
		 */
		NONE

	}

	/**
	 * A schema per tenant, under {@code strata.tenants.*}: when schemas are named (or a
	 * {@code TenantTargets} bean supplies targets), start-up and the migrator's migrate,
	 * validate and status run over every tenant.
	 */
	public static class Tenants {

		/**
		 * The tenant schemas; each gets its own history table and lock, and migrations
		 * run with it first on the search_path.
		 */
		private List<String> schemas = new ArrayList<>();

		/**
		 * SQL run on the migration connection that returns the tenant schemas (first
		 * column), e.g. from the application's table of tenants. Instead of
		 * strata.tenants.schemas.
		 */
		private @Nullable String schemasQuery;

		/**
		 * How many tenants are migrated at once. Each uses up to two connections while it
		 * migrates; it is lowered to what the migration pool can serve.
		 */
		private int parallelism = 4;

		/**
		 * Whether a failed tenant stops the run from starting more tenants (they are
		 * reported SKIPPED). Off, every tenant is tried.
		 */
		private boolean failFast;

		/**
		 * Whether a tenant schema that does not exist is created. Off, such a tenant is
		 * REFUSED.
		 */
		private boolean createSchemas = true;

		/**
		 * Which part of the tenants this process takes, as i/n (0 <= i < n): the tenants
		 * whose CRC-32 of the UTF-8 name mod n is i. Defaults to
		 * JOB_COMPLETION_INDEX/strata.tenants.shard-count in a Kubernetes Indexed Job.
		 */
		private @Nullable String shard;

		/**
		 * How many shards there are when the index comes from the environment variable
		 * JOB_COMPLETION_INDEX (the Job's completions).
		 */
		private @Nullable Integer shardCount;

		private final TenantsHealth health = new TenantsHealth();

		private final TenantsMetrics metrics = new TenantsMetrics();

		public List<String> getSchemas() {
			return this.schemas;
		}

		public void setSchemas(List<String> schemas) {
			this.schemas = schemas;
		}

		public @Nullable String getSchemasQuery() {
			return this.schemasQuery;
		}

		public void setSchemasQuery(@Nullable String schemasQuery) {
			this.schemasQuery = schemasQuery;
		}

		public int getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(int parallelism) {
			this.parallelism = parallelism;
		}

		public boolean isFailFast() {
			return this.failFast;
		}

		public void setFailFast(boolean failFast) {
			this.failFast = failFast;
		}

		public boolean isCreateSchemas() {
			return this.createSchemas;
		}

		public void setCreateSchemas(boolean createSchemas) {
			this.createSchemas = createSchemas;
		}

		public @Nullable String getShard() {
			return this.shard;
		}

		public void setShard(@Nullable String shard) {
			this.shard = shard;
		}

		public @Nullable Integer getShardCount() {
			return this.shardCount;
		}

		public void setShardCount(@Nullable Integer shardCount) {
			this.shardCount = shardCount;
		}

		public TenantsHealth getHealth() {
			return this.health;
		}

		public TenantsMetrics getMetrics() {
			return this.metrics;
		}

	}

	/**
	 * The fleet's health contributor, under {@code strata.tenants.health.*}.
	 */
	public static class TenantsHealth {

		/**
		 * The share of tenants (0 to 1) that may need attention (failed, refused or
		 * skipped) before the fleet's health is DOWN: 0, any such tenant makes it DOWN;
		 * 0.1, only more than 10 % of the tenants do.
		 */
		private double maxFailedShare = 0;

		public double getMaxFailedShare() {
			return this.maxFailedShare;
		}

		public void setMaxFailedShare(double maxFailedShare) {
			this.maxFailedShare = maxFailedShare;
		}

	}

	/**
	 * The fleet's meters, under {@code strata.tenants.metrics.*}.
	 */
	public static class TenantsMetrics {

		/**
		 * Whether to publish each tenant's pending migrations as a gauge tagged with the
		 * tenant's name: one time series per tenant, so off by default.
		 */
		private boolean perTenant;

		public boolean isPerTenant() {
			return this.perTenant;
		}

		public void setPerTenant(boolean perTenant) {
			this.perTenant = perTenant;
		}

	}

	/**
	 * Archive before destroy, under {@code strata.archive.*}.
	 */
	public static class Archive {

		/**
		 * Whether what an allowed destructive statement removes (a dropped table or
		 * column, truncated, deleted or updated rows) is kept in the archive schema
		 * first.
		 */
		private boolean enabled = true;

		/**
		 * The schema archives are kept in, created on first use.
		 */
		private String schema = "strata_archive";

		/**
		 * The most rows one statement's archive may copy; beyond it the migration is
		 * refused unless its directive says archive=none.
		 */
		private long maxRows = 10_000_000L;

		/**
		 * How old an archive must be for the purge-archives command to remove it.
		 */
		private Duration retention = Duration.ofDays(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getSchema() {
			return this.schema;
		}

		public void setSchema(String schema) {
			this.schema = schema;
		}

		public long getMaxRows() {
			return this.maxRows;
		}

		public void setMaxRows(long maxRows) {
			this.maxRows = maxRows;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

	}

}
