package dev.strata.fleet.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.strata.MigrateResult;
import dev.strata.PendingMigrationsException;
import dev.strata.StatusResult;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.ValidationException;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.LockTimeoutException;
import dev.strata.fleet.FleetRefusedException;
import dev.strata.fleet.FleetResult;
import dev.strata.fleet.FleetSettings;
import dev.strata.fleet.TenantConfigs;
import dev.strata.fleet.TenantResult;
import dev.strata.fleet.TenantState;
import dev.strata.guard.GuardRefusedException;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.RecognitionCache;
import dev.strata.guard.TableSizes;
import dev.strata.guard.internal.Guard;
import dev.strata.guard.internal.GuardReport;
import dev.strata.migration.Migration;
import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.migration.internal.Migrations;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;
import dev.strata.plan.internal.MigrationPlan;
import dev.strata.plan.internal.Planner;
import dev.strata.source.internal.MigrationSource;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run over a fleet: the files read once and every tenant's history read in one
 * catalog query ({@link FleetCatalog}), which settles the tenants that have nothing to
 * do; then the others, at most {@link FleetSettings#parallelism()} at once, each with its
 * own {@link Strata}.
 */
public final class FleetRun {

	private static final Logger logger = LoggerFactory.getLogger(FleetRun.class);

	private final List<MigrationTarget> tenants;

	private final TenantConfigs configs;

	private final FleetSettings settings;

	private final RecognitionCache cache;

	private final Map<String, StrataConfig> built = new ConcurrentHashMap<>();

	/**
	 * The guard's verdict on pending migrations the survey planned, by what it judged: on
	 * a release, or for new tenants, every tenant has the same pending migrations (the
	 * same objects, read once) and the same guard settings, so they are prepared and
	 * judged once.
	 */
	private final Map<Judged, GuardReport> verdicts = new ConcurrentHashMap<>();

	private final long start = System.nanoTime();

	public FleetRun(List<MigrationTarget> tenants, TenantConfigs configs, FleetSettings settings,
			RecognitionCache cache) {
		this.tenants = tenants;
		this.configs = configs;
		this.settings = settings;
		this.cache = cache;
	}

	/**
	 * Migrates every tenant. Every tenant with work is checked first (its history against
	 * the files, the pending files prepared and judged by the guard); a problem of the
	 * files themselves refuses the fleet before any tenant changes.
	 * @throws FleetRefusedException if the files are bad or the guard refuses one
	 * whatever the tenant
	 */
	public FleetResult migrate() {
		Survey survey = survey();
		List<MigrationTarget> work = survey.work();
		Map<String, TenantResult> results = survey.settled();
		List<MigrationTarget> checked = new ArrayList<>();
		AtomicBoolean stopped = new AtomicBoolean();
		for (TenantOutcome outcome : forEach(work, (tenant) -> check(tenant, survey))) {
			if (outcome.result() != null) {
				results.put(outcome.tenant().name(), outcome.result());
				stopped.compareAndSet(false, this.settings.failFast());
			}
			else {
				checked.add(outcome.tenant());
			}
		}
		Queue<MigrationTarget> busy = new ConcurrentLinkedQueue<>();
		for (TenantOutcome outcome : forEach(checked, (tenant) -> migrate(tenant, stopped, busy))) {
			if (outcome.result() != null) {
				results.put(outcome.tenant().name(), outcome.result());
			}
		}
		// Another run held these: it has most likely migrated them meanwhile, else wait
		// for it now.
		for (TenantOutcome outcome : forEach(List.copyOf(busy), (tenant) -> migrate(tenant, stopped, null))) {
			results.put(outcome.tenant().name(), outcome.result());
		}
		return result(results);
	}

	/**
	 * Validates every tenant: up to date, or {@link TenantState#PENDING}, or
	 * {@link TenantState#FAILED} with its validation problems.
	 */
	public FleetResult validate(String remedy) {
		Survey survey = survey();
		Map<String, TenantResult> results = survey.settled();
		for (TenantOutcome outcome : forEach(survey.work(), (tenant) -> timed(tenant, () -> {
			try {
				StatusResult status = strata(tenant).validateUpToDate(remedy);
				return result(tenant, status.schema(), TenantState.UP_TO_DATE, 0, 0, status.currentVersion(), null,
						null);
			}
			catch (PendingMigrationsException ex) {
				StatusResult status = ex.status();
				return result(tenant, status.schema(), TenantState.PENDING, 0, status.pending().size(),
						status.currentVersion(), ex.getMessage(), ex.category());
			}
		}))) {
			results.put(outcome.tenant().name(), outcome.result());
		}
		return result(results);
	}

	/** Every tenant's status: up to date, pending, or failed with its problems. */
	public FleetResult status() {
		Survey survey = survey();
		Map<String, TenantResult> results = survey.settled();
		for (TenantOutcome outcome : forEach(survey.work(), (tenant) -> timed(tenant, () -> {
			StatusResult status = strata(tenant).status();
			if (!status.isValid()) {
				return result(tenant, status.schema(), TenantState.FAILED, 0, status.pending().size(),
						status.currentVersion(), problems(status.problems()), ErrorCategory.VALIDATION);
			}
			int pending = status.pending().size();
			return result(tenant, status.schema(), (pending > 0) ? TenantState.PENDING : TenantState.UP_TO_DATE, 0,
					pending, status.currentVersion(), null, null);
		}))) {
			results.put(outcome.tenant().name(), outcome.result());
		}
		return result(results);
	}

	/**
	 * The files, read once for each set of tenants configured to find the same ones, and
	 * the catalog: tenants whose history matches their files exactly are settled as up to
	 * date without a connection of their own; a missing schema that may not be created is
	 * refused.
	 */
	private Survey survey() {
		Map<String, TenantResult> settled = new ConcurrentHashMap<>();
		List<MigrationTarget> work = new ArrayList<>();
		Map<StrataConfig.MigrationSources, TenantFiles> files = new HashMap<>();
		Map<String, MigrationPlan> planned = new HashMap<>();
		if (this.tenants.isEmpty()) {
			return new Survey(settled, work, planned);
		}
		List<FleetCatalog.@Nullable Tenant> catalog = FleetCatalog.read(this.tenants, this.settings.parallelism());
		for (int i = 0; i < this.tenants.size(); i++) {
			MigrationTarget tenant = this.tenants.get(i);
			FleetCatalog.Tenant found = catalog.get(i);
			if (found != null && !found.schemaExists() && !this.settings.createSchemas()) {
				settled.put(tenant.name(),
						result(tenant, tenant.schema(), TenantState.REFUSED, 0, 0, null, "Schema \"" + tenant.schema()
								+ "\" does not exist, and strata.tenants.create-schemas is false: create it first.",
								ErrorCategory.CONFIGURATION));
				continue;
			}
			StrataConfig config = config(tenant);
			TenantFiles own = files.computeIfAbsent(config.migrationSources(), (sources) -> TenantFiles.read(config));
			if (found != null && !found.schemaExists()) {
				// nothing of its own to read yet
				planned.put(tenant.name(), own.alone());
			}
			else if (found != null && found.historyExists()) {
				MigrationPlan plan = own.planner().plan(own.migrations(), found.history());
				if (own.shortcut() && found.snapshotExists() && plan.isValid() && !plan.hasPending()) {
					settled.put(tenant.name(), result(tenant, tenant.schema(), TenantState.UP_TO_DATE, 0, 0,
							plan.currentVersionText(), null, null));
					continue;
				}
				planned.put(tenant.name(), plan);
			}
			work.add(tenant);
		}
		logger.info("{} of {} tenants have nothing to do; checking the other {}", settled.size(), this.tenants.size(),
				work.size());
		if (files.size() > 1) {
			logger.debug("The tenants' configurations find their migrations in {} different ways: read once for each",
					files.size());
		}
		return new Survey(settled, work, Map.copyOf(planned));
	}

	/**
	 * The tenants the catalog settled, and those that need a look of their own.
	 *
	 * @param planned what {@code status} would find of a tenant with work, where the
	 * survey knows it already: its files against the history it read (with a Strata
	 * history, status is that plan and nothing more), or against an empty one for a
	 * schema not created yet. A schema without a history (it may hold objects, or
	 * Flyway's history) is not here: it needs a look of its own.
	 */
	private record Survey(Map<String, TenantResult> settled, List<MigrationTarget> work,
			Map<String, MigrationPlan> planned) {
	}

	/**
	 * The migrations tenants with the same {@link StrataConfig.MigrationSources} find,
	 * read once for all of them.
	 *
	 * @param shortcut whether a tenant with nothing pending may be settled without a run
	 * of its own: not when callbacks are configured, which only a run calls
	 * @param alone the migrations planned against an empty history
	 */
	private record TenantFiles(List<Migration> migrations, Planner planner, boolean shortcut, MigrationPlan alone) {

		static TenantFiles read(StrataConfig config) {
			boolean shortcut = config.callbacks().isEmpty()
					&& new MigrationSource(config.locations(), config.classLoader(), config.locationsConfigured())
						.loadCallbacks()
						.isEmpty();
			List<Migration> migrations = Migrations.resolve(config.resolvers());
			Planner planner = new Planner(config.outOfOrder());
			return new TenantFiles(migrations, planner, shortcut, planner.plan(migrations, List.of()));
		}

	}

	/**
	 * Checks one tenant before any is migrated: its history against the files, and its
	 * pending files prepared and judged by the guard with table sizes unknown (they are
	 * looked up per tenant when it migrates). What the survey read stands for the
	 * history, without a connection or the files read again: the history it read, or, for
	 * a schema that does not exist yet, an empty one. Only a schema without a history
	 * gets a status of its own (it may hold objects, or Flyway's history).
	 * @return {@code null} when the tenant may be migrated, else its result
	 * @throws FleetRefusedException if the files are bad or refused whatever the tenant
	 */
	private @Nullable TenantResult check(MigrationTarget tenant, Survey survey) {
		StrataConfig config = config(tenant);
		try {
			MigrationPlan known = survey.planned().get(tenant.name());
			Look look = (known != null) ? Look.ofPlan(tenant, known) : Look.of(new Strata(config).status());
			if (!look.problems().isEmpty()) {
				return result(tenant, look.schema(), TenantState.FAILED, 0, 0, look.version(),
						problems(look.problems()), ErrorCategory.VALIDATION);
			}
			GuardReport report = (known != null) ? this.verdicts.computeIfAbsent(judged(look, config), this::judge)
					: judge(judged(look, config));
			if (report.isRefused()) {
				throw new GuardRefusedException(report.refused(), "nothing was applied to any tenant");
			}
			return null;
		}
		catch (StrataException ex) {
			if (ex.category() == ErrorCategory.VALIDATION || ex.category() == ErrorCategory.REFUSED) {
				throw new FleetRefusedException(tenant.name(), ex);
			}
			return failed(tenant, ex, Duration.ZERO);
		}
	}

	/** Prepares the pending migrations and judges them, table sizes unknown. */
	private GuardReport judge(Judged judged) {
		return new Guard(judged.guard(), TableSizes.NONE, this.cache)
			.checkRun(new MigrationPreparer().prepare(judged.pending()));
	}

	private static Judged judged(Look look, StrataConfig config) {
		return new Judged(look.pending(), config.migrationSources(), config.guard());
	}

	/**
	 * Pending migrations, where they were read (their placeholders among it: the text the
	 * guard reads) and the guard settings they are judged with.
	 */
	private record Judged(List<Migration> pending, StrataConfig.MigrationSources sources, GuardSettings guard) {
	}

	/**
	 * What {@link #check} found of a tenant before it is migrated.
	 *
	 * @param schema its schema
	 * @param version its current version, {@code null} for none
	 * @param problems what stops it from being migrated
	 * @param pending the migrations it would apply, in order
	 */
	private record Look(@Nullable String schema, @Nullable String version, List<ValidationProblem> problems,
			List<Migration> pending) {

		static Look of(StatusResult status) {
			return new Look(status.schema(), status.currentVersion(), status.problems(),
					status.pending().stream().map(MigrationStatus::migration).toList());
		}

		/** A tenant as the survey planned it. */
		static Look ofPlan(MigrationTarget tenant, MigrationPlan plan) {
			return new Look(tenant.schema(), plan.currentVersionText(), plan.problems(), plan.pending());
		}

	}

	/**
	 * Migrates one tenant; a tenant whose lock another run holds goes to {@code busy}
	 * (when given) and is come back to at the end.
	 */
	private @Nullable TenantResult migrate(MigrationTarget tenant, AtomicBoolean stopped,
			@Nullable Queue<MigrationTarget> busy) {
		if (stopped.get()) {
			return result(tenant, tenant.schema(), TenantState.SKIPPED, 0, 0, null,
					"Not started: another tenant failed and strata.tenants.fail-fast is true.", null);
		}
		long start = System.nanoTime();
		Strata strata = strata(tenant);
		try {
			if (busy != null && strata.lockHolder().isPresent()) {
				busy.add(tenant);
				return null;
			}
			MigrateResult result = strata.migrate();
			// the tenant's connections stay this worker's until its snapshot is stored
			strata.awaitSnapshot();
			return result(tenant, result.schema(),
					result.applied().isEmpty() ? TenantState.UP_TO_DATE : TenantState.APPLIED, result.applied().size(),
					0, result.currentVersion(), null, null, elapsed(start));
		}
		catch (GuardRefusedException ex) {
			return result(tenant, tenant.schema(), TenantState.REFUSED, 0, 0, null, ex.getMessage(), ex.category(),
					elapsed(start));
		}
		catch (LockTimeoutException ex) {
			return result(tenant, tenant.schema(), TenantState.SKIPPED, 0, 0, null,
					"Busy: another run held the tenant's lock. " + ex.getMessage(), ex.category(), elapsed(start));
		}
		catch (RuntimeException ex) {
			if (this.settings.failFast()) {
				stopped.set(true);
			}
			return failed(tenant, ex, elapsed(start));
		}
	}

	private TenantResult failed(MigrationTarget tenant, RuntimeException ex, Duration duration) {
		ErrorCategory category = (ex instanceof StrataException strata) ? strata.category() : ErrorCategory.UNEXPECTED;
		logger.warn("Tenant {} failed: {}", tenant.name(), ex.getMessage(), ex);
		String message = (ex instanceof ValidationException invalid) ? problems(invalid.problems())
				: String.valueOf(ex.getMessage());
		return result(tenant, tenant.schema(), TenantState.FAILED, 0, 0, null, message, category, duration);
	}

	private TenantResult timed(MigrationTarget tenant, java.util.function.Supplier<TenantResult> work) {
		long start = System.nanoTime();
		try {
			TenantResult result = work.get();
			return new TenantResult(result.name(), result.schema(), result.state(), result.applied(), result.pending(),
					result.version(), elapsed(start), result.error(), result.category());
		}
		catch (RuntimeException ex) {
			return failed(tenant, ex, elapsed(start));
		}
	}

	/**
	 * Runs {@code work} on each tenant, at most {@code parallelism} at once; the first
	 * {@link FleetRefusedException} (or bug) thrown ends the whole run.
	 */
	private List<TenantOutcome> forEach(List<MigrationTarget> tenants,
			Function<MigrationTarget, @Nullable TenantResult> work) {
		if (tenants.isEmpty()) {
			return List.of();
		}
		int threads = Math.min(this.settings.parallelism(), tenants.size());
		AtomicInteger counter = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "strata-fleet-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<@Nullable TenantResult>> futures = new ArrayList<>(tenants.size());
			for (MigrationTarget tenant : tenants) {
				futures.add(executor.submit(() -> work.apply(tenant)));
			}
			List<TenantOutcome> outcomes = new ArrayList<>(tenants.size());
			for (int i = 0; i < tenants.size(); i++) {
				outcomes.add(new TenantOutcome(tenants.get(i), join(futures.get(i))));
			}
			return outcomes;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static @Nullable TenantResult join(Future<@Nullable TenantResult> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StrataException(ErrorCategory.UNEXPECTED, "Interrupted while migrating the fleet", ex);
		}
	}

	private record TenantOutcome(MigrationTarget tenant, @Nullable TenantResult result) {
	}

	private FleetResult result(Map<String, TenantResult> results) {
		List<TenantResult> ordered = new ArrayList<>(this.tenants.size());
		for (MigrationTarget tenant : this.tenants) {
			TenantResult result = results.get(tenant.name());
			if (result != null) {
				ordered.add(result);
			}
		}
		FleetResult fleet = new FleetResult(ordered, elapsed(this.start));
		logger.info("Fleet: {}", fleet.summary());
		return fleet;
	}

	private StrataConfig config(MigrationTarget tenant) {
		return this.built.computeIfAbsent(tenant.name(), (name) -> this.configs.configFor(tenant, this.cache));
	}

	private Strata strata(MigrationTarget tenant) {
		return new Strata(config(tenant));
	}

	private static TenantResult result(MigrationTarget tenant, @Nullable String schema, TenantState state, int applied,
			int pending, @Nullable String version, @Nullable String error, @Nullable ErrorCategory category) {
		return result(tenant, schema, state, applied, pending, version, error, category, Duration.ZERO);
	}

	private static TenantResult result(MigrationTarget tenant, @Nullable String schema, TenantState state, int applied,
			int pending, @Nullable String version, @Nullable String error, @Nullable ErrorCategory category,
			Duration duration) {
		return new TenantResult(tenant.name(), schema, state, applied, pending, version, duration, error, category);
	}

	private static String problems(List<ValidationProblem> problems) {
		return String.join("; ", problems.stream().map(ValidationProblem::describe).toList());
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
