package dev.strata.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.strata.history.internal.SchemaHistory;
import dev.strata.migration.sql.PlaceholderContext;
import dev.strata.migration.sql.Placeholders;
import dev.strata.StrataConfig;
import dev.strata.error.StrataException;
import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.Outcome;
import dev.strata.guard.policy.RuleMode;
import dev.strata.guard.report.Lint;
import dev.strata.report.lint.LintFormat;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.Verdict;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.source.Location;

/**
 * The guard's lint as a one-line test assertion, for an application's own build:
 *
 * <pre>{@code
 * &#64;Test
 * void migrationsAreSafe() {
 *     StrataLint.assertSafe("classpath:db/migration");
 * }
 * }</pre>
 *
 * <p>
 * Every migration at the locations is read, split and judged by text alone, as
 * {@code migrate} would judge it but without a database (so no table sizes and no effect
 * check). When the verdict is {@code REFUSED} the assertion fails with a
 * {@link StrataLintError} whose message lists each refused statement as
 * {@code file:line:column [rule-id]} followed by the full text report (what it does, the
 * lock, the safe alternative, the directive that allows it). A bad migration file (a
 * name, a duplicate version, an unterminated quote, a directive without a reason) fails
 * the same way, naming the file. A location without any migration fails too: it is
 * usually a typo, and a lint that looked in the wrong place proves nothing. Otherwise the
 * assertion passes; warnings are logged.
 *
 * <p>
 * The guard's settings default as in the application
 * ({@code strata.allow-destructive=false}, {@code strata.guard.strict=false}); to lint
 * with the settings the application uses, or to let warnings fail the build too:
 *
 * <pre>{@code
 * StrataLint.locations("classpath:db/migration")
 *         .strict()
 *         .rule("rename-column", RuleMode.OFF)
 *         .failOnWarnings()
 *         .assertSafe();
 * }</pre>
 */
public final class StrataLint {

	/**
	 * Where migrations are looked up when no location is given, as
	 * {@code strata.locations} defaults.
	 */
	public static final String DEFAULT_LOCATION = StrataConfig.DEFAULT_LOCATION;

	private static final Logger logger = LoggerFactory.getLogger(StrataLint.class);

	private StrataLint() {
	}

	/**
	 * Lints every migration at the locations with the guard's default settings and fails
	 * when the verdict is {@code REFUSED}.
	 * @param locations such as {@code classpath:db/migration} or
	 * {@code filesystem:src/main/resources/db/migration} (a relative filesystem path is
	 * resolved against the working directory, the module's directory under Maven); none
	 * means {@value #DEFAULT_LOCATION}
	 * @return the result, for further assertions
	 * @throws StrataLintError when a statement is refused, a migration file is bad, or a
	 * location has no migration
	 */
	public static LintResult assertSafe(String... locations) {
		return locations(locations).assertSafe();
	}

	/**
	 * A lint of these locations to configure before asserting.
	 * @param locations as for {@link #assertSafe(String...)}; none means
	 * {@value #DEFAULT_LOCATION}
	 */
	public static Check locations(String... locations) {
		return new Check((locations.length == 0) ? List.of(DEFAULT_LOCATION) : List.of(locations));
	}

	/**
	 * A configured lint: the guard's settings, whether warnings fail, where classpath
	 * locations are read.
	 */
	public static final class Check {

		private final List<String> locations;

		private boolean allowDestructive;

		private boolean strict;

		private final Map<String, RuleMode> rules = new LinkedHashMap<>();

		private @Nullable String baselineVersion;

		private boolean failOnWarnings;

		private @Nullable ClassLoader classLoader;

		private final Map<String, String> placeholders = new LinkedHashMap<>();

		private boolean placeholderReplacement = Placeholders.DEFAULTS.replacement();

		private Check(List<String> locations) {
			// Parsed now so that a malformed location fails at the line that names it
			locations.forEach(Location::parse);
			this.locations = locations;
		}

		/**
		 * As {@code strata.allow-destructive=true}: DESTRUCTIVE findings warn instead of
		 * refusing.
		 */
		public Check allowDestructive() {
			return allowDestructive(true);
		}

		/** As {@code strata.allow-destructive}. */
		public Check allowDestructive(boolean allowDestructive) {
			this.allowDestructive = allowDestructive;
			return this;
		}

		/**
		 * As {@code strata.guard.strict=true}: LOCKING and INCOMPATIBLE findings refuse
		 * too.
		 */
		public Check strict() {
			return strict(true);
		}

		/** As {@code strata.guard.strict}. */
		public Check strict(boolean strict) {
			this.strict = strict;
			return this;
		}

		/**
		 * As {@code strata.guard.rules.<ruleId>=<mode>}.
		 * @throws IllegalArgumentException for an unknown rule id
		 */
		public Check rule(String ruleId, RuleMode mode) {
			this.rules.put(ruleId, mode);
			settings();
			return this;
		}

		/**
		 * As {@code strata.guard.rules.<ruleId>=<mode>}, with the mode as the property
		 * takes it: {@code off}, {@code warn} or {@code refuse}.
		 * @throws IllegalArgumentException for an unknown rule id or mode
		 */
		public Check rule(String ruleId, String mode) {
			return rule(ruleId, parseMode(mode));
		}

		/**
		 * As {@code strata.guard.baseline-version}: migrations at or below it are not
		 * checked.
		 */
		public Check baselineVersion(@Nullable String baselineVersion) {
			this.baselineVersion = baselineVersion;
			return this;
		}

		/**
		 * Fails on a {@code SAFE WITH WARNINGS} verdict too: any warned finding or
		 * directive warning.
		 */
		public Check failOnWarnings() {
			return failOnWarnings(true);
		}

		/** Whether a {@code SAFE WITH WARNINGS} verdict fails. */
		public Check failOnWarnings(boolean failOnWarnings) {
			this.failOnWarnings = failOnWarnings;
			return this;
		}

		/**
		 * Where {@code classpath:} locations are read; by default the thread's context
		 * class loader.
		 */
		public Check classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		/**
		 * As {@code strata.placeholders.<name>}: {@code ${name}} in the files is replaced
		 * by {@code value} before they are judged.
		 */
		public Check placeholder(String name, String value) {
			this.placeholders.put(name, value);
			return this;
		}

		/** As {@code strata.placeholder-replacement} (default on). */
		public Check placeholderReplacement(boolean placeholderReplacement) {
			this.placeholderReplacement = placeholderReplacement;
			return this;
		}

		/**
		 * Lints without asserting anything about the verdict.
		 * @throws StrataLintError when a migration file is bad or a location has no
		 * migration
		 */
		public LintResult lint() {
			LintResult result;
			try {
				result = Lint.run(this.locations, classLoader(), settings(),
						new PlaceholderContext(
								new Placeholders(this.placeholderReplacement, Placeholders.DEFAULTS.prefix(),
										Placeholders.DEFAULTS.suffix(), this.placeholders),
								null, SchemaHistory.DEFAULT_TABLE, StrataConfig.DEFAULT_FLYWAY_TABLE));
			}
			catch (MigrationPreparationException ex) {
				// Its own message speaks of a migrate run ("nothing was applied"); here
				// only the files matter
				throw new StrataLintError(
						"Strata lint of " + describeLocations() + ": " + plural(ex.errors().size(), "migration")
								+ " cannot be read:\n  - " + String.join("\n  - ", ex.errors()),
						null, ex);
			}
			catch (StrataException ex) {
				throw new StrataLintError("Strata lint of " + describeLocations() + ": " + ex.getMessage(), null, ex);
			}
			List<String> empty = this.locations.stream().filter((location) -> isEmpty(location, result)).toList();
			if (!empty.isEmpty()) {
				throw new StrataLintError("Strata lint found no migration at " + String.join(", ", empty)
						+ "; check the location (classpath: locations are read from the test class path, filesystem: "
						+ "ones relative to the working directory)", result, null);
			}
			return result;
		}

		/**
		 * Lints and fails when the verdict is {@code REFUSED} (or, with
		 * {@link #failOnWarnings()}, {@code SAFE WITH WARNINGS}); otherwise logs the
		 * report when it has warnings.
		 * @return the result, for further assertions
		 * @throws StrataLintError with the text report as its message
		 */
		public LintResult assertSafe() {
			LintResult result = lint();
			Verdict verdict = result.verdict();
			String report = LintFormat.TEXT.render(result);
			if (verdict == Verdict.REFUSED) {
				throw new StrataLintError(headline(result.verdictLine(), result.refused(), List.of()) + "\n" + report,
						result, null);
			}
			if (verdict == Verdict.SAFE_WITH_WARNINGS) {
				if (this.failOnWarnings) {
					throw new StrataLintError(
							headline(result.verdictLine() + ", and warnings fail this check",
									result.withOutcome(Outcome.WARNED), directiveWarnings(result)) + "\n" + report,
							result, null);
				}
				logger.warn("Strata lint of {}: {}\n{}", describeLocations(), verdict.label(), report);
			}
			else {
				logger.info("Strata lint of {}: {} ({})", describeLocations(), verdict.label(),
						plural(result.migrations().size(), "migration"));
			}
			return result;
		}

		private GuardSettings settings() {
			return new GuardSettings(this.allowDestructive, this.strict, this.rules, this.baselineVersion,
					GuardSettings.DEFAULT_LARGE_TABLE_ROWS, GuardSettings.DEFAULTS.verifyEffects());
		}

		private ClassLoader classLoader() {
			if (this.classLoader != null) {
				return this.classLoader;
			}
			ClassLoader context = Thread.currentThread().getContextClassLoader();
			return (context != null) ? context : StrataLint.class.getClassLoader();
		}

		private String describeLocations() {
			return String.join(", ", this.locations);
		}

		private static boolean isEmpty(String location, LintResult result) {
			String prefix = Location.parse(location) + "/";
			return result.migrations()
				.stream()
				.noneMatch((migration) -> migration.migration().location().startsWith(prefix));
		}

		private static List<String> directiveWarnings(LintResult result) {
			List<String> warnings = new ArrayList<>();
			for (GuardedMigration migration : result.migrations()) {
				warnings.addAll(migration.warnings());
			}
			return warnings;
		}

		/**
		 * The verdict, then one line per failing finding:
		 * {@code file:line:column [rule-id] SEVERITY: message}.
		 */
		private static String headline(String verdict, List<Assessment> failing, List<String> warnings) {
			StringBuilder out = new StringBuilder("Strata lint: ").append(verdict).append('\n');
			for (Assessment assessment : failing) {
				Finding finding = assessment.finding();
				out.append("  ")
					.append(finding.location())
					.append(" [")
					.append(finding.ruleId())
					.append("] ")
					.append(finding.severity())
					.append(": ")
					.append(finding.message())
					.append('\n');
			}
			warnings.forEach((warning) -> out.append("  ").append(warning).append('\n'));
			return out.toString();
		}

		private static String plural(int count, String noun) {
			return count + " " + noun + ((count == 1) ? "" : "s");
		}

		private static RuleMode parseMode(String mode) {
			try {
				return RuleMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Unknown rule mode '" + mode + "'; the modes are: "
						+ Arrays.stream(RuleMode.values())
							.map((m) -> m.name().toLowerCase(Locale.ROOT))
							.collect(Collectors.joining(", ")));
			}
		}

	}

}
