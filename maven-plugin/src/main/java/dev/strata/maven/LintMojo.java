package dev.strata.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.Outcome;
import dev.strata.guard.report.Lint;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.Verdict;
import dev.strata.report.lint.LintFormat;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * {@code strata:lint}: the guard over every migration file, judged by text alone as the
 * migrator's {@code lint} judges them without a database. The report is written to a file
 * for CI to keep or upload (the {@code github} format's annotations are printed too,
 * where GitHub Actions reads them), the findings are summarised in the build log, and a
 * {@code REFUSED} verdict fails the build. Bound to {@code verify} when listed in the
 * project's plugins with an execution.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractStrataMojo {

	/**
	 * The report's format, as {@code strata.lint.format}: {@code text}, {@code json},
	 * {@code github} or {@code sarif}. Default: application.properties', else
	 * {@code text}.
	 */
	@Parameter(property = "strata.lint.format")
	@Nullable String format;

	/**
	 * Where the report is written. Default: {@code target/strata-lint.<txt|json|sarif>}.
	 */
	@Parameter(property = "strata.lint.outputFile")
	@Nullable File outputFile;

	/** Fails on a {@code SAFE WITH WARNINGS} verdict too. */
	@Parameter(property = "strata.lint.failOnWarnings", defaultValue = "false")
	boolean failOnWarnings;

	@Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
	@Nullable File buildDirectory;

	/** Where the {@code github} format's annotations go: the step's output. */
	PrintStream console = System.out;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping strata:lint (strata.skip)");
			return;
		}
		LintFormat lintFormat = lintFormat();
		ProjectLocations locations = projectLocations();
		LintResult result = lint(locations);
		File report = reportFile(lintFormat);
		String rendered = lintFormat.render(result);
		write(report, rendered);
		if (lintFormat == LintFormat.GITHUB) {
			// Workflow commands work only at the start of a line of the step's output,
			// which Maven's log would prefix with its level.
			this.console.print(rendered);
			this.console.flush();
		}
		summarise(result, locations, report);
		Verdict verdict = result.verdict();
		if (verdict == Verdict.REFUSED) {
			// the category the migrator's lint exits with (4)
			throw new MojoFailureException(
					failure(" (" + ErrorCategory.REFUSED + "): lint verdict " + result.verdictLine(), result.refused(),
							locations, report));
		}
		if (verdict == Verdict.SAFE_WITH_WARNINGS && this.failOnWarnings) {
			throw new MojoFailureException(
					failure(": lint verdict " + result.verdictLine() + ", and warnings fail the build",
							result.withOutcome(Outcome.WARNED), locations, report));
		}
	}

	private LintResult lint(ProjectLocations locations) throws MojoExecutionException, MojoFailureException {
		LintResult result;
		try {
			result = Lint.run(locations.forCore(), locations.classLoader(), guardSettings(), placeholderContext());
		}
		catch (StrataException ex) {
			throw Failures.of("lint", ex);
		}
		catch (RuntimeException ex) {
			throw Failures.unexpected("lint", ex);
		}
		if (result.migrations().isEmpty()) {
			// Usually a mistyped location: a lint that looked in the wrong place proves
			// nothing.
			throw Failures.configuration("lint", "no migration found at " + String.join(", ", locations.describe())
					+ "; set the plugin's <locations> or strata.locations");
		}
		return result;
	}

	private void summarise(LintResult result, ProjectLocations locations, File report) {
		getLog().info("Strata lint of " + result.migrations().size() + " migration"
				+ ((result.migrations().size() == 1) ? "" : "s") + " at " + String.join(", ", locations.describe())
				+ ": " + result.verdictLine());
		for (Assessment assessment : result.withOutcome(Outcome.REFUSED)) {
			getLog().error(line(assessment, locations));
		}
		for (Assessment assessment : result.withOutcome(Outcome.WARNED)) {
			getLog().warn(line(assessment, locations));
		}
		for (GuardedMigration migration : result.migrations()) {
			migration.warnings().forEach((warning) -> getLog().warn(warning));
		}
		getLog().info("Strata lint report: " + report);
	}

	private static String failure(String why, List<Assessment> failing, ProjectLocations locations, File report) {
		List<String> lines = new ArrayList<>();
		lines.add("strata:lint failed" + why + ":");
		failing.forEach((assessment) -> lines.add("  " + line(assessment, locations)));
		lines.add("Change the migrations, or allow each statement with a -- strata:allow directive giving the reason."
				+ " Report: " + report);
		return String.join("\n", lines);
	}

	/**
	 * {@code src/main/resources/db/migration/V2__x.sql:3:1 [drop-table] DESTRUCTIVE: …}.
	 */
	private static String line(Assessment assessment, ProjectLocations locations) {
		Finding finding = assessment.finding();
		String note = assessment.note().isEmpty() ? "" : " (" + assessment.note() + ")";
		return locations.display(finding.file()) + ":" + finding.line() + ":" + finding.column() + " ["
				+ finding.ruleId() + "] " + finding.severity() + ": " + finding.message() + note;
	}

	private LintFormat lintFormat() throws MojoExecutionException {
		String name = (this.format != null) ? this.format : application().get("strata.lint.format");
		if (name == null) {
			return LintFormat.TEXT;
		}
		try {
			return LintFormat.valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new MojoExecutionException("strata.lint.format=" + name + " is none of text, json, github, sarif");
		}
	}

	private File reportFile(LintFormat lintFormat) {
		if (this.outputFile != null) {
			return this.outputFile;
		}
		String extension = switch (lintFormat) {
			case JSON -> "json";
			case SARIF -> "sarif";
			case TEXT, GITHUB -> "txt";
		};
		File directory = (this.buildDirectory != null) ? this.buildDirectory : new File(this.basedir, "target");
		return new File(directory, "strata-lint." + extension);
	}

	private static void write(File file, String content) throws MojoExecutionException {
		try {
			File parent = file.getAbsoluteFile().getParentFile();
			Files.createDirectories(parent.toPath());
			Files.writeString(file.toPath(), content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot write the lint report to " + file + ": " + ex.getMessage(), ex);
		}
	}

}
