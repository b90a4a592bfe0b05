package dev.strata.guard.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.strata.guard.policy.internal.AllowPolicy;
import dev.strata.guard.policy.internal.AllowPolicy.Decision;
import dev.strata.guard.rules.Rule;
import dev.strata.guard.rules.internal.StatementRecogniser;
import dev.strata.guard.rules.UnknownRuleException;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.MigrationDirectives.AllowDirective;
import dev.strata.migration.Migration;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;
import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.RecognitionCache;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.Severity;
import dev.strata.guard.TableSize;
import dev.strata.guard.TableSizes;

/**
 * Judges prepared migrations: finds what each statement does, then decides per finding
 * whether it refuses, warns or was allowed, from the rule's severity, the settings, the
 * table's size and the file's {@code strata:allow} directives.
 */
public final class Guard {

	private final GuardSettings settings;

	private final TableSizes sizes;

	private final AllowPolicy policy;

	private final StatementRecogniser recogniser = new StatementRecogniser();

	private final @Nullable RecognitionCache cache;

	public Guard(GuardSettings settings, TableSizes sizes) {
		this(settings, sizes, null);
	}

	/**
	 * @param cache where what was read of a migration is kept for other targets,
	 * {@code null} for none
	 */
	public Guard(GuardSettings settings, TableSizes sizes, @Nullable RecognitionCache cache) {
		this.settings = settings;
		this.sizes = sizes;
		this.policy = new AllowPolicy(settings);
		this.cache = cache;
	}

	/**
	 * Judges each migration against the database as it is, as if it were the next to run:
	 * for linting files of which some may be applied already, or one file on its own.
	 * @throws MigrationPreparationException if a directive names an unknown rule (every
	 * such directive listed with file:line)
	 */
	public GuardReport check(List<PreparedMigration> migrations) {
		return new GuardReport(judge(migrations.stream().map(this::recognise).toList()));
	}

	/**
	 * Judges the migrations one run applies, in the order it applies them. A table
	 * created by an earlier one of them is new to every other session when a later one
	 * locks it: no application can be using it yet, so locking findings on it are not
	 * reported (as within one migration), and its size is not looked up (it does not
	 * exist yet: one round trip per table for nothing). Destructive findings on it stay:
	 * by then it may hold rows this run moved into it.
	 * @throws MigrationPreparationException if a directive names an unknown rule
	 */
	public GuardReport checkRun(List<PreparedMigration> pending) {
		return new GuardReport(judgeRun(pending.stream().map(this::recognise).toList()));
	}

	/**
	 * Reads what each statement of the migration does: the part of {@link #check} that
	 * needs the statements, and that depends on nothing outside the migration. Why apart:
	 * a lint reads each file as soon as it is parsed and lets its statements go, where
	 * holding every file's until the last was parsed cost it most of its time (garbage
	 * collection, and reading them back from memory). A baselined migration is read too;
	 * {@link #judge} skips it, as {@code check} did.
	 */
	public RecognisedMigration recognise(PreparedMigration migration) {
		StatementRecogniser.Recognised recognised = (this.cache != null && !migration.statements().isEmpty())
				? this.cache.get(cacheKey(migration),
						() -> this.recogniser.recognise(migration.migration().location(), migration.statements()))
				: this.recogniser.recognise(migration.migration().location(), migration.statements());
		return new RecognisedMigration(migration.migration(), migration.directives().allows(),
				migration.transactional(), recognised.perStatement(), recognised.createdTables());
	}

	/**
	 * The file, its checksum and the statements as they run: a placeholder a tenant
	 * replaces differently makes another key.
	 */
	private static String cacheKey(PreparedMigration migration) {
		StringBuilder key = new StringBuilder(migration.migration().location()).append('\0')
			.append(migration.migration().checksum());
		for (dev.strata.sql.SqlStatement statement : migration.statements()) {
			key.append('\0').append(statement.line()).append(':').append(statement.text());
		}
		return key.toString();
	}

	/**
	 * Judges {@link #recognise recognised} migrations, in order: {@link #check} for a
	 * caller that read them one by one, with the same verdicts and errors.
	 * @return what the guard made of each migration, in order
	 * @throws MigrationPreparationException if a directive names an unknown rule (every
	 * such directive listed with file:line)
	 */
	public List<GuardedMigration> judge(List<RecognisedMigration> migrations) {
		return judge(migrations, false);
	}

	/**
	 * Judges recognised migrations as one run: {@link #checkRun} for a caller that read
	 * them one by one.
	 */
	public List<GuardedMigration> judgeRun(List<RecognisedMigration> pending) {
		return judge(pending, true);
	}

	private List<GuardedMigration> judge(List<RecognisedMigration> migrations, boolean oneRun) {
		List<GuardedMigration> guarded = new ArrayList<>(migrations.size());
		List<String> errors = new ArrayList<>();
		for (RecognisedMigration migration : migrations) {
			errors.addAll(unknownRules(migration));
		}
		if (!errors.isEmpty()) {
			throw new MigrationPreparationException(errors);
		}
		Set<String> createdInRun = new HashSet<>();
		for (RecognisedMigration migration : migrations) {
			guarded.add(judge(migration, createdInRun));
			if (oneRun) {
				createdInRun.addAll(migration.createdTables());
			}
		}
		return guarded;
	}

	private GuardedMigration judge(RecognisedMigration migration, Set<String> createdInRun) {
		Migration file = migration.migration();
		List<AllowDirective> allows = migration.allows();
		Set<String> allowedRules = allows.isEmpty() ? Set.of()
				: allows.stream()
					.flatMap((allow) -> allow.rules().stream())
					.map((id) -> Rule.byId(id).orElseThrow().id())
					.collect(Collectors.toSet());
		if (isBaselined(file)) {
			return new GuardedMigration(file, List.of(), List.of(), false, allowedRules, true);
		}
		List<List<Finding>> perStatement = migration.perStatement();
		List<Assessment> assessments = new ArrayList<>();
		Set<String> used = new HashSet<>();
		boolean review = false;
		for (int i = 0; i < perStatement.size(); i++) {
			List<Finding> found = perStatement.get(i);
			for (int j = 0; j < found.size(); j++) { // no iterator for each statement's
														// (mostly empty) list
				Finding finding = found.get(j);
				if (!this.policy.reports(finding.rule())) {
					continue;
				}
				if (finding.severity() == Severity.LOCKING && finding.table() != null
						&& createdInRun.contains(finding.table())) {
					// Not reported in this run, yet a directive for it is still needed
					// where the
					// table's migration was applied in an earlier run: not "unused".
					AllowDirective allow = allowing(allows, finding.rule(), i);
					if (allow != null) {
						used.add(allow.line() + ":" + finding.ruleId());
					}
					continue;
				}
				review |= finding.severity() == Severity.REVIEW;
				assessments.add(assess(finding, i, allows, used));
			}
		}
		// The guard cannot read a migration of code: only its effect shows what it did.
		review |= !file.kind().isSql();
		boolean checkEffects = migration.transactional() && switch (this.settings.verifyEffects()) {
			case NEVER -> false;
			case REVIEW -> review;
			case ALWAYS -> true;
		};
		// A directive on a migration of code is there for the effect check alone.
		List<String> unused = (!file.kind().isSql()) ? List.of() : unused(file, allows, used, perStatement);
		return new GuardedMigration(file, assessments, unused, checkEffects, allowedRules, false);
	}

	private Assessment assess(Finding finding, int statement, List<AllowDirective> allows, Set<String> used) {
		String note = "";
		boolean large = false;
		TableSize size = null;
		if (finding.severity() == Severity.LOCKING && finding.table() != null) {
			size = this.sizes.of(finding.table());
			if (size != null) {
				large = size.rows() > this.settings.largeTableRows();
				note = "table " + size.table() + " has " + size.describe()
						+ (large ? ", above strata.guard.large-table-rows=" + this.settings.largeTableRows() : "");
			}
		}
		AllowDirective allow = allowing(allows, finding.rule(), statement);
		if (allow != null) {
			used.add(allow.line() + ":" + finding.ruleId());
		}
		Decision decision = this.policy.decide(finding.rule(), large,
				(allow != null) ? "allowed at line " + allow.line() + ": " + allow.reason() : null);
		return new Assessment(finding, decision.outcome(), join(note, decision.note()), size);
	}

	/**
	 * The most specific directive allowing the rule here: the statement's own before the
	 * file's.
	 */
	private static @Nullable AllowDirective allowing(List<AllowDirective> allows, Rule rule, int statement) {
		AllowDirective wholeFile = null;
		for (AllowDirective allow : allows) {
			if (allow.covers(statement) && names(allow, rule)) {
				if (!allow.coversWholeFile()) {
					return allow;
				}
				wholeFile = allow;
			}
		}
		return wholeFile;
	}

	private static boolean names(AllowDirective allow, Rule rule) {
		return allow.rules().stream().anyMatch((id) -> Rule.byId(id).orElse(null) == rule);
	}

	/**
	 * Directive rules that allowed nothing, so they cannot rot unseen. A directive over a
	 * statement the guard cannot see into is kept: it is there for the effect check.
	 */
	private static List<String> unused(Migration file, List<AllowDirective> allows, Set<String> used,
			List<List<Finding>> perStatement) {
		List<String> warnings = new ArrayList<>();
		for (AllowDirective allow : allows) {
			if (coversReview(allow, perStatement)) {
				continue;
			}
			for (String id : allow.rules()) {
				String rule = Rule.byId(id).orElseThrow().id();
				if (!used.contains(allow.line() + ":" + rule)) {
					warnings.add(file.location() + ":" + allow.line() + " has a strata:allow " + rule
							+ " directive that allows nothing: no " + rule + " finding "
							+ (allow.coversWholeFile() ? "in the file" : "in the statement below it")
							+ "; remove it so it cannot allow something by accident later");
				}
			}
		}
		return warnings;
	}

	private static boolean coversReview(AllowDirective allow, List<List<Finding>> perStatement) {
		for (int i = 0; i < perStatement.size(); i++) {
			if (allow.covers(i) && perStatement.get(i).stream().anyMatch((f) -> f.severity() == Severity.REVIEW)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> unknownRules(RecognisedMigration migration) {
		List<String> errors = new ArrayList<>();
		for (AllowDirective allow : migration.allows()) {
			for (String id : allow.rules()) {
				if (Rule.byId(id).isEmpty()) {
					errors.add(new UnknownRuleException(id,
							migration.migration().location() + ":" + allow.line() + " strata:allow directive")
						.getMessage());
				}
			}
		}
		return errors;
	}

	private boolean isBaselined(Migration file) {
		String baseline = this.settings.baselineVersion();
		return baseline != null && file.version() != null && file.version().compareTo(Version.parse(baseline)) <= 0;
	}

	private static String join(String first, String second) {
		if (second.isEmpty()) {
			return first;
		}
		return first.isEmpty() ? second : first + "; " + second;
	}

}
