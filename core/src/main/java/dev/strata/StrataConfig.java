package dev.strata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.strata.archive.ArchiveSettings;
import dev.strata.drift.DriftSettings;
import dev.strata.drift.ObjectKind;
import dev.strata.execute.ExecutionSettings;
import dev.strata.execute.LockMode;
import dev.strata.execute.LockSettings;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.RecognitionCache;
import dev.strata.guard.effect.VerifyEffects;
import dev.strata.guard.policy.RuleMode;
import dev.strata.guard.report.LintScope;
import dev.strata.execute.MigrationListener;
import dev.strata.execute.internal.SessionName;
import dev.strata.history.internal.SchemaHistory;
import dev.strata.callback.StrataCallback;
import dev.strata.migration.MigrationResolver;
import dev.strata.migration.java.JavaMigration;
import dev.strata.migration.java.JavaMigrationResolver;
import dev.strata.migration.sql.PlaceholderContext;
import dev.strata.migration.sql.Placeholders;
import dev.strata.migration.sql.SqlMigrationResolver;
import dev.strata.source.Location;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link Strata} needs: where the database and the migrations are, and how
 * to run them. Built with {@link #builder(DataSource)}; immutable.
 */
public final class StrataConfig {

	/** Where migrations are looked up when no location is given. */
	public static final String DEFAULT_LOCATION = "classpath:db/migration";

	/** The version a baseline records when none is given. */
	public static final String DEFAULT_BASELINE_VERSION = "1";

	/** Flyway's history table when none is given: Flyway's own default. */
	public static final String DEFAULT_FLYWAY_TABLE = "flyway_schema_history";

	private final DataSource dataSource;

	private final List<Location> locations;

	private final boolean locationsConfigured;

	private final @Nullable String schema;

	private final String table;

	private final MigrationTarget target;

	private final boolean outOfOrder;

	private final String baselineVersion;

	private final boolean baselineOnMigrate;

	private final boolean snapshotInBackground;

	private final LockSettings lock;

	private final ExecutionSettings execution;

	private final List<MigrationListener> listeners;

	private final ClassLoader classLoader;

	private final List<MigrationResolver> resolvers;

	private final List<Supplier<? extends List<? extends StrataCallback>>> callbacks;

	private final GuardSettings guard;

	private final LintScope lintScope;

	private final DriftSettings drift;

	private final ArchiveSettings archive;

	private final ConnectionSettings connectionSettings;

	private final String sessionName;

	private final boolean flywayAdopt;

	private final String flywayTable;

	private final PlaceholderContext placeholders;

	private final @Nullable RecognitionCache recognitionCache;

	private final MigrationSources migrationSources;

	private StrataConfig(Builder builder) {
		this.dataSource = builder.dataSource;
		this.connectionSettings = builder.connectionSettings;
		this.sessionName = SessionName.of(builder.applicationName);
		this.locations = builder.locations.stream().map(Location::parse).toList();
		this.locationsConfigured = builder.locationsConfigured;
		this.schema = builder.schema;
		this.table = builder.table;
		this.target = new MigrationTarget(builder.targetName, builder.dataSource, builder.schema, builder.table,
				builder.searchPath);
		this.outOfOrder = builder.outOfOrder;
		this.baselineVersion = builder.baselineVersion;
		this.baselineOnMigrate = builder.baselineOnMigrate;
		this.snapshotInBackground = builder.snapshotInBackground;
		this.lock = new LockSettings(builder.lockMode, builder.lockWaitTimeout, builder.lockLease);
		this.execution = new ExecutionSettings(builder.lockTimeout, builder.statementTimeout, builder.lockRetries,
				builder.retryBackoff, builder.progressInterval);
		this.listeners = List.copyOf(builder.listeners);
		this.classLoader = builder.classLoader;
		this.flywayAdopt = builder.flywayAdopt;
		this.flywayTable = builder.flywayTable;
		this.placeholders = new PlaceholderContext(new Placeholders(builder.placeholderReplacement,
				builder.placeholderPrefix, builder.placeholderSuffix, builder.placeholders), builder.schema,
				builder.table, builder.flywayTable);
		List<MigrationResolver> resolvers = new ArrayList<>();
		resolvers.add(new SqlMigrationResolver(this.locations, this.classLoader, this.locationsConfigured,
				this.placeholders));
		resolvers.addAll(builder.resolvers);
		if (!builder.javaMigrations.isEmpty() || !builder.javaMigrationPackages.isEmpty()) {
			List<Supplier<? extends List<? extends JavaMigration>>> registered = List.copyOf(builder.javaMigrations);
			resolvers.add(new JavaMigrationResolver(
					() -> registered.stream().flatMap((supplier) -> supplier.get().stream()).toList(),
					builder.javaMigrationPackages, this.classLoader, this.target));
		}
		this.resolvers = List.copyOf(resolvers);
		this.callbacks = List.copyOf(builder.callbacks);
		this.guard = new GuardSettings(builder.allowDestructive, builder.guardStrict, builder.guardRules,
				builder.guardBaselineVersion, builder.largeTableRows, builder.verifyEffects);
		this.lintScope = builder.lintScope;

		this.drift = new DriftSettings(builder.driftSchemas, builder.driftOptInKinds);
		this.recognitionCache = builder.recognitionCache;
		this.archive = builder.archive;
		this.migrationSources = new MigrationSources(this.locations, this.locationsConfigured, this.classLoader,
				List.copyOf(builder.resolvers), List.copyOf(builder.javaMigrations),
				List.copyOf(builder.javaMigrationPackages), this.callbacks, this.placeholders.placeholders(),
				this.outOfOrder);
	}

	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Which settings configured {@link #dataSource()}, named when a connection fails.
	 */
	public ConnectionSettings connectionSettings() {
		return this.connectionSettings;
	}

	/**
	 * The {@code application_name} Strata's sessions carry while they migrate or hold the
	 * lock: {@code strata}, the application's name, the host and the process id.
	 */
	public String sessionName() {
		return this.sessionName;
	}

	public List<Location> locations() {
		return this.locations;
	}

	/**
	 * Whether the locations were given ({@code strata.locations}) rather than defaulted:
	 * a given location must exist, while the default one may be missing (a project
	 * without migrations yet).
	 */
	public boolean locationsConfigured() {
		return this.locationsConfigured;
	}

	/**
	 * The schema of the history table, {@code null} for the connection's current schema.
	 */
	public @Nullable String schema() {
		return this.schema;
	}

	public String table() {
		return this.table;
	}

	/**
	 * The target this configuration migrates: its DataSource, {@link #schema()},
	 * {@link #table()} and search_path.
	 */
	public MigrationTarget target() {
		return this.target;
	}

	public boolean outOfOrder() {
		return this.outOfOrder;
	}

	public String baselineVersion() {
		return this.baselineVersion;
	}

	public boolean baselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	/**
	 * Whether {@code migrate} returns once the migrations are committed and stores the
	 * schema snapshot on a thread of its own, still under the migration lock (see
	 * {@link Strata#awaitSnapshot()}); {@code false} stores it before returning.
	 */
	public boolean snapshotInBackground() {
		return this.snapshotInBackground;
	}

	/**
	 * Whether a schema migrated by Flyway (its history table present, Strata's not) is
	 * adopted: Flyway's history recorded as Strata's, under the migration lock.
	 */
	public boolean flywayAdopt() {
		return this.flywayAdopt;
	}

	/** The table holding Flyway's history, in the target schema. */
	public String flywayTable() {
		return this.flywayTable;
	}

	/** How {@code ${name}} placeholders in SQL files are replaced. */
	public Placeholders placeholders() {
		return this.placeholders.placeholders();
	}

	/** The placeholders with their built-in values, bound once a command connects. */
	public PlaceholderContext placeholderContext() {
		return this.placeholders;
	}

	public Duration lockWaitTimeout() {
		return this.lock.maxWait();
	}

	/**
	 * How the migration lock is taken and kept ({@code strata.lock-mode},
	 * {@code strata.lock-lease}, the wait).
	 */
	public LockSettings lock() {
		return this.lock;
	}

	public ExecutionSettings execution() {
		return this.execution;
	}

	public List<MigrationListener> listeners() {
		return this.listeners;
	}

	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * Where migrations come from: the SQL files at {@link #locations()}, then every
	 * resolver added to the builder.
	 */
	public List<MigrationResolver> resolvers() {
		return this.resolvers;
	}

	/**
	 * The registered callbacks, in the order registered (asked for again on each call, so
	 * that callbacks a Spring application supplies are created when first needed).
	 */
	public List<StrataCallback> callbacks() {
		return this.callbacks.stream()
			.flatMap((supplier) -> supplier.get().stream())
			.map(StrataCallback.class::cast)
			.toList();
	}

	/**
	 * {@code strata.allow-destructive}: whether DESTRUCTIVE findings are let through
	 * (each logged).
	 */
	public boolean allowDestructive() {
		return this.guard.allowDestructive();
	}

	/**
	 * How the guard judges statements ({@code strata.allow-destructive},
	 * {@code strata.guard.*}).
	 */
	public GuardSettings guard() {
		return this.guard;
	}

	/** {@code strata.lint.scope}: which migrations {@link Strata#lint()} reads. */
	public LintScope lintScope() {
		return this.lintScope;
	}

	/** What schema drift checks cover. */
	public DriftSettings drift() {
		return this.drift;
	}

	/**
	 * Where the guard keeps what it read of each migration for other targets (a fleet's
	 * tenants share one); {@code null} for none.
	 */
	public @Nullable RecognitionCache recognitionCache() {
		return this.recognitionCache;
	}

	/**
	 * How allowed destructive statements are archived ({@code strata.archive.*}).
	 */
	public ArchiveSettings archive() {
		return this.archive;
	}

	/**
	 * What decides which migrations this configuration finds and how it plans them: two
	 * configurations with equal sources find the same migrations. A fleet reads the
	 * migrations once for all tenants whose sources are equal.
	 */
	public MigrationSources migrationSources() {
		return this.migrationSources;
	}

	/**
	 * The settings that decide which migrations a configuration finds, its callbacks and
	 * how it plans: equal when they are. What was given to the builder as an object (the
	 * class loader, resolvers, suppliers of Java migrations and of callbacks) compares by
	 * identity, so two configurations built with separate instances are told apart even
	 * if those would find the same.
	 *
	 * @param locations where the SQL files are
	 * @param locationsConfigured whether the locations were configured (a missing one is
	 * then an error)
	 * @param classLoader where {@code classpath:} locations and Java migrations are found
	 * @param resolvers the resolvers added to the builder
	 * @param javaMigrations the suppliers of registered Java migrations
	 * @param javaMigrationPackages the packages scanned for Java migrations
	 * @param callbacks the suppliers of callbacks
	 * @param placeholders how placeholders are replaced in the files
	 * @param outOfOrder whether versions below the current one may be applied
	 */
	public record MigrationSources(List<Location> locations, boolean locationsConfigured, ClassLoader classLoader,
			List<MigrationResolver> resolvers, List<Supplier<? extends List<? extends JavaMigration>>> javaMigrations,
			List<String> javaMigrationPackages, List<Supplier<? extends List<? extends StrataCallback>>> callbacks,
			Placeholders placeholders, boolean outOfOrder) {

	}

	/**
	 * Builds a {@link StrataConfig}; every setting has the documented default. The
	 * defaults live here and in the settings records' {@code DEFAULTS}
	 * ({@link LockSettings}, {@link ExecutionSettings}, {@link GuardSettings},
	 * {@link DriftSettings}); the Spring Boot properties state them again for the IDE's
	 * metadata, and a test holds them equal.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private ConnectionSettings connectionSettings = ConnectionSettings.DEFAULT;

		private @Nullable String applicationName;

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private boolean locationsConfigured;

		private @Nullable String schema;

		private String table = SchemaHistory.DEFAULT_TABLE;

		private String targetName = MigrationTarget.DEFAULT_NAME;

		private List<String> searchPath = List.of();

		private boolean outOfOrder;

		private String baselineVersion = DEFAULT_BASELINE_VERSION;

		private boolean baselineOnMigrate;

		private boolean snapshotInBackground = true;

		private boolean flywayAdopt;

		private String flywayTable = DEFAULT_FLYWAY_TABLE;

		private boolean placeholderReplacement = Placeholders.DEFAULTS.replacement();

		private String placeholderPrefix = Placeholders.DEFAULTS.prefix();

		private String placeholderSuffix = Placeholders.DEFAULTS.suffix();

		private final Map<String, String> placeholders = new LinkedHashMap<>();

		private Duration lockWaitTimeout = LockSettings.DEFAULTS.maxWait();

		private LockMode lockMode = LockSettings.DEFAULTS.mode();

		private Duration lockLease = LockSettings.DEFAULTS.lease();

		private @Nullable Duration lockTimeout = ExecutionSettings.DEFAULTS.lockTimeout();

		private @Nullable Duration statementTimeout = ExecutionSettings.DEFAULTS.statementTimeout();

		private int lockRetries = ExecutionSettings.DEFAULTS.lockRetries();

		private Duration retryBackoff = ExecutionSettings.DEFAULTS.retryBackoff();

		private @Nullable Duration progressInterval = ExecutionSettings.DEFAULTS.progressInterval();

		private final List<MigrationListener> listeners = new ArrayList<>();

		private final List<MigrationResolver> resolvers = new ArrayList<>();

		private final List<Supplier<? extends List<? extends JavaMigration>>> javaMigrations = new ArrayList<>();

		private final List<String> javaMigrationPackages = new ArrayList<>();

		private final List<Supplier<? extends List<? extends StrataCallback>>> callbacks = new ArrayList<>();

		private ClassLoader classLoader = defaultClassLoader();

		private boolean allowDestructive = GuardSettings.DEFAULTS.allowDestructive();

		private boolean guardStrict = GuardSettings.DEFAULTS.strict();

		private final Map<String, RuleMode> guardRules = new LinkedHashMap<>();

		private @Nullable String guardBaselineVersion = GuardSettings.DEFAULTS.baselineVersion();

		private long largeTableRows = GuardSettings.DEFAULTS.largeTableRows();

		private VerifyEffects verifyEffects = GuardSettings.DEFAULTS.verifyEffects();

		private @Nullable RecognitionCache recognitionCache;

		private LintScope lintScope = LintScope.PENDING;

		private List<String> driftSchemas = DriftSettings.DEFAULTS.schemas();

		private Set<ObjectKind> driftOptInKinds = DriftSettings.DEFAULTS.optInKinds();

		private ArchiveSettings archive = ArchiveSettings.DEFAULTS;

		private Builder(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		}

		/**
		 * Which settings configured the DataSource, so that a failed connection names
		 * them ({@code spring.datasource.url}, {@code strata.url}, …); by default it
		 * speaks of the DataSource given to {@link StrataConfig#builder}.
		 */
		public Builder connectionSettings(ConnectionSettings connectionSettings) {
			this.connectionSettings = Objects.requireNonNull(connectionSettings, "connectionSettings must not be null");
			return this;
		}

		/**
		 * The application's name ({@code spring.application.name}), part of the
		 * {@code application_name} Strata's sessions carry (see {@link #sessionName()}).
		 */
		public Builder applicationName(@Nullable String applicationName) {
			this.applicationName = applicationName;
			return this;
		}

		/**
		 * Locations such as {@code classpath:db/migration} or
		 * {@code filesystem:/migrations}. Each one given must exist; without this call,
		 * {@value StrataConfig#DEFAULT_LOCATION} is read if it exists.
		 */
		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		public Builder locations(List<String> locations) {
			if (locations.isEmpty()) {
				throw new IllegalArgumentException("at least one location is needed");
			}
			this.locations = List.copyOf(locations);
			this.locationsConfigured = true;
			return this;
		}

		public Builder schema(@Nullable String schema) {
			this.schema = (schema == null || schema.isBlank()) ? null : schema;
			return this;
		}

		public Builder table(String table) {
			this.table = Objects.requireNonNull(table, "table must not be null");
			return this;
		}

		/**
		 * How results, logs and metrics name the target;
		 * {@value MigrationTarget#DEFAULT_NAME} unless set.
		 */
		public Builder targetName(String targetName) {
			this.targetName = Objects.requireNonNull(targetName, "targetName must not be null");
			return this;
		}

		/**
		 * The schemas migrations run with as their {@code search_path}, in order; none
		 * (the default) leaves the connection's {@code search_path} as configured.
		 */
		public Builder searchPath(List<String> searchPath) {
			this.searchPath = List.copyOf(searchPath);
			return this;
		}

		public Builder outOfOrder(boolean outOfOrder) {
			this.outOfOrder = outOfOrder;
			return this;
		}

		public Builder baselineVersion(String baselineVersion) {
			dev.strata.source.Version.parse(baselineVersion);
			this.baselineVersion = baselineVersion;
			return this;
		}

		public Builder baselineOnMigrate(boolean baselineOnMigrate) {
			this.baselineOnMigrate = baselineOnMigrate;
			return this;
		}

		/**
		 * Store the schema snapshot after a run on a thread of its own, under the
		 * migration lock, instead of before {@code migrate} returns (default
		 * {@code true}): the caller (an application starting, a test class) does not wait
		 * for it, and every command on the same target waits for it first.
		 */
		public Builder snapshotInBackground(boolean snapshotInBackground) {
			this.snapshotInBackground = snapshotInBackground;
			return this;
		}

		/**
		 * Adopt a Flyway history: a target schema with Flyway's history table and no
		 * Strata history gets Flyway's applied migrations recorded as Strata's (each file
		 * verified with Flyway's checksum) before pending ones apply. Off, such a schema
		 * is refused.
		 */
		public Builder flywayAdopt(boolean flywayAdopt) {
			this.flywayAdopt = flywayAdopt;
			return this;
		}

		/**
		 * Flyway's history table, {@value StrataConfig#DEFAULT_FLYWAY_TABLE} by default.
		 */
		public Builder flywayTable(String flywayTable) {
			this.flywayTable = Objects.requireNonNull(flywayTable, "flywayTable must not be null");
			return this;
		}

		/**
		 * Whether {@code ${name}} placeholders in SQL files are replaced (default on).
		 */
		public Builder placeholderReplacement(boolean placeholderReplacement) {
			this.placeholderReplacement = placeholderReplacement;
			return this;
		}

		/** What opens a placeholder, {@code ${} by default. */
		public Builder placeholderPrefix(String placeholderPrefix) {
			this.placeholderPrefix = Objects.requireNonNull(placeholderPrefix, "placeholderPrefix must not be null");
			return this;
		}

		/** What closes a placeholder, <code>}</code> by default. */
		public Builder placeholderSuffix(String placeholderSuffix) {
			this.placeholderSuffix = Objects.requireNonNull(placeholderSuffix, "placeholderSuffix must not be null");
			return this;
		}

		/** A placeholder's value: {@code ${name}} in SQL files becomes {@code value}. */
		public Builder placeholder(String name, String value) {
			this.placeholders.put(Objects.requireNonNull(name, "name must not be null"),
					Objects.requireNonNull(value, "value must not be null"));
			return this;
		}

		/** Placeholder values by name, added to those given before. */
		public Builder placeholders(Map<String, String> placeholders) {
			placeholders.forEach(this::placeholder);
			return this;
		}

		public Builder lockWaitTimeout(Duration lockWaitTimeout) {
			this.lockWaitTimeout = Objects.requireNonNull(lockWaitTimeout, "lockWaitTimeout must not be null");
			return this;
		}

		/** Which mechanism holds the migration lock; {@link LockMode#AUTO} by default. */
		public Builder lockMode(LockMode lockMode) {
			this.lockMode = Objects.requireNonNull(lockMode, "lockMode must not be null");
			return this;
		}

		/**
		 * How long a lease stays valid without renewal, with {@link LockMode#LEASE}; 30 s
		 * by default.
		 */
		public Builder lockLease(Duration lockLease) {
			this.lockLease = Objects.requireNonNull(lockLease, "lockLease must not be null");
			return this;
		}

		public Builder lockTimeout(@Nullable Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder statementTimeout(@Nullable Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
			return this;
		}

		public Builder lockRetries(int lockRetries) {
			if (lockRetries < 0) {
				throw new IllegalArgumentException("lockRetries must not be negative");
			}
			this.lockRetries = lockRetries;
			return this;
		}

		public Builder retryBackoff(Duration retryBackoff) {
			this.retryBackoff = Objects.requireNonNull(retryBackoff, "retryBackoff must not be null");
			return this;
		}

		/**
		 * How often a migration still running logs what it is doing, and how long a
		 * statement must take to be reported as slow; {@code null} or zero for never.
		 */
		public Builder progressInterval(@Nullable Duration progressInterval) {
			this.progressInterval = progressInterval;
			return this;
		}

		public Builder listener(MigrationListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
			return this;
		}

		/**
		 * Adds a source of migrations of another kind, read beside the SQL files at the
		 * locations.
		 */
		public Builder resolver(MigrationResolver resolver) {
			this.resolvers.add(Objects.requireNonNull(resolver, "resolver must not be null"));
			return this;
		}

		/**
		 * Adds Java migrations, run in version order with the SQL files.
		 */
		public Builder javaMigrations(JavaMigration... migrations) {
			List<JavaMigration> list = List.of(migrations);
			return javaMigrations(() -> list);
		}

		/**
		 * Adds Java migrations that {@code migrations} supplies each time migrations are
		 * read: a Spring application creates its migration beans only then.
		 */
		public Builder javaMigrations(Supplier<? extends List<? extends JavaMigration>> migrations) {
			this.javaMigrations.add(Objects.requireNonNull(migrations, "migrations must not be null"));
			return this;
		}

		/**
		 * Adds the {@link JavaMigration} classes in these packages (and below) as
		 * migrations, each created with its no-argument constructor: {@code db.migration}
		 * is where Flyway finds them for {@code classpath:db/migration}.
		 */
		public Builder javaMigrationPackages(String... packages) {
			for (String name : packages) {
				this.javaMigrationPackages.add(Objects.requireNonNull(name, "package must not be null"));
			}
			return this;
		}

		/** Adds callbacks, run after the SQL callback files of each event. */
		public Builder callbacks(StrataCallback... callbacks) {
			List<StrataCallback> list = List.of(callbacks);
			return callbacks(() -> list);
		}

		/**
		 * Adds callbacks that {@code callbacks} supplies each time a run starts.
		 */
		public Builder callbacks(Supplier<? extends List<? extends StrataCallback>> callbacks) {
			this.callbacks.add(Objects.requireNonNull(callbacks, "callbacks must not be null"));
			return this;
		}

		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = Objects.requireNonNull(classLoader, "classLoader must not be null");
			return this;
		}

		/**
		 * Lets every DESTRUCTIVE finding through, each logged as a warning with its
		 * statement.
		 */
		public Builder allowDestructive(boolean allowDestructive) {
			this.allowDestructive = allowDestructive;
			return this;
		}

		/** Makes LOCKING and INCOMPATIBLE findings refuse too. */
		public Builder guardStrict(boolean strict) {
			this.guardStrict = strict;
			return this;
		}

		/**
		 * Overrides what one rule's findings do, as {@code strata.guard.rules.<ruleId>}.
		 * @throws dev.strata.guard.rules.UnknownRuleException for an unknown rule id
		 */
		public Builder guardRule(String ruleId, RuleMode mode) {
			dev.strata.guard.rules.Rule.require(ruleId, "strata.guard.rules." + ruleId);
			this.guardRules.put(ruleId, Objects.requireNonNull(mode, "mode must not be null"));
			return this;
		}

		/** Overrides several rules, see {@link #guardRule(String, RuleMode)}. */
		public Builder guardRules(Map<String, RuleMode> rules) {
			rules.forEach(this::guardRule);
			return this;
		}

		/**
		 * Migrations at or below this version are not checked by the guard (adopted on an
		 * old project).
		 */
		public Builder guardBaselineVersion(@Nullable String version) {
			if (version != null && !version.isBlank()) {
				dev.strata.source.Version.parse(version);
				this.guardBaselineVersion = version;
			}
			else {
				this.guardBaselineVersion = null;
			}
			return this;
		}

		/**
		 * A LOCKING finding on a table with more rows than this refuses unless allowed.
		 */
		public Builder largeTableRows(long rows) {
			if (rows < 0) {
				throw new IllegalArgumentException("largeTableRows must not be negative");
			}
			this.largeTableRows = rows;
			return this;
		}

		/** When the effect check runs inside the migration's transaction. */
		public Builder verifyEffects(VerifyEffects verifyEffects) {
			this.verifyEffects = Objects.requireNonNull(verifyEffects, "verifyEffects must not be null");
			return this;
		}

		/**
		 * Which migrations {@link Strata#lint()} reads: the pending ones (default) or
		 * all.
		 */
		public Builder lintScope(LintScope scope) {
			this.lintScope = Objects.requireNonNull(scope, "scope must not be null");
			return this;
		}

		/**
		 * The schemas whose objects drift checks compare; none (the default) means the
		 * history table's schema.
		 */
		public Builder driftSchemas(String... schemas) {
			return driftSchemas(List.of(schemas));
		}

		public Builder driftSchemas(List<String> schemas) {
			this.driftSchemas = new DriftSettings(schemas, Set.of()).schemas();
			return this;
		}

		/**
		 * Kinds compared besides the defaults: {@link ObjectKind#GRANT},
		 * {@link ObjectKind#OWNER}, {@link ObjectKind#COMMENT}. Off by default because
		 * they usually differ between environments.
		 */
		public Builder driftOptInKinds(ObjectKind... kinds) {
			return driftOptInKinds(Set.of(kinds));
		}

		public Builder driftOptInKinds(Set<ObjectKind> kinds) {
			this.driftOptInKinds = new DriftSettings(List.of(), kinds).optInKinds();
			return this;
		}

		/**
		 * Shares what the guard read of each migration with other configurations that run
		 * the same files (the tenants of a fleet).
		 */
		public Builder recognitionCache(@Nullable RecognitionCache cache) {
			this.recognitionCache = cache;
			return this;
		}

		/**
		 * How allowed destructive statements are archived:
		 * {@code strata.archive.enabled}, {@code .schema}, {@code .max-rows} and
		 * {@code .retention}.
		 */
		public Builder archive(ArchiveSettings archive) {
			this.archive = Objects.requireNonNull(archive, "archive must not be null");
			return this;
		}

		public StrataConfig build() {
			return new StrataConfig(this);
		}

		private static ClassLoader defaultClassLoader() {
			ClassLoader context = Thread.currentThread().getContextClassLoader();
			return (context != null) ? context : StrataConfig.class.getClassLoader();
		}

	}

}
