package dev.strata.autoconfigure.migrator;

import java.time.Duration;
import java.util.Locale;

import dev.strata.error.ErrorCategory;
import dev.strata.Strata;
import dev.strata.fleet.Fleet;
import dev.strata.error.StrataException;
import dev.strata.autoconfigure.StrataProperties;
import dev.strata.autoconfigure.StrataPropertiesCheck;
import dev.strata.autoconfigure.migrator.MigratorProperties.Output;
import dev.strata.report.lint.LintFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Runs the migrator's one command, prints the report and ends the process with its exit
 * code.
 *
 * <p>
 * It does all that while the context is still being refreshed, from
 * {@link #afterPropertiesSet()}: Spring Boot's database initialization ordering creates
 * this bean before any bean that uses the schema, and ending the process here means the
 * application never reaches the end of its refresh, where {@code SmartLifecycle} beans
 * (web server, message listeners, schedulers that start {@code @Scheduled} jobs) start
 * and where {@code ApplicationRunner}s and {@code CommandLineRunner}s run. An
 * {@code ApplicationReadyEvent} listener or a runner of our own would come after all of
 * those.
 *
 * <p>
 * The {@code Strata} bean and the properties are resolved here rather than injected, so
 * that a broken configuration (no DataSource, a property that does not bind) becomes a
 * report with exit code 2 instead of a stack trace with exit code 1. Every
 * {@code strata.*} property is checked first ({@link StrataPropertiesCheck}): an unknown
 * key or a value that does not convert ends the run with exit code 2 before it connects.
 */
public class StrataMigrator implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(StrataMigrator.class);

	private final ObjectProvider<Strata> strata;

	private final Environment environment;

	private final ReportPrinter printer;

	private final ObjectProvider<MigratorExit> exit;

	private @Nullable ObjectProvider<Fleet> fleet;

	public StrataMigrator(ObjectProvider<Strata> strata, Environment environment, ReportPrinter printer,
			ObjectProvider<MigratorExit> exit) {
		this.strata = strata;
		this.environment = environment;
		this.printer = printer;
		this.exit = exit;
	}

	/** The tenants, when configured: migrate, validate and status run over them. */
	public void setFleet(ObjectProvider<Fleet> fleet) {
		this.fleet = fleet;
	}

	@Override
	public void afterPropertiesSet() {
		if (!MigratorMode.isActive(this.environment)) {
			// The application runs as itself: the start-up initializer migrates.
			return;
		}
		MigratorReport report = run();
		Output output = outputFormat();
		String rendered = (output == Output.JSON) ? MigratorJson.render(report) : TextReport.render(report);
		this.printer.print(rendered, output);
		exit(report.exitCode());
	}

	/** The report of the command; never throws. */
	MigratorReport run() {
		MigratorReport.Builder report = new MigratorReport.Builder(commandName());
		MigratorProperties properties;
		Strata strata;
		Fleet fleet;
		try {
			// Before anything else, so that a mistyped key or value connects to nothing.
			StrataPropertiesCheck.check(this.environment);
			properties = bindProperties();
			strata = this.strata.getIfAvailable();
			if (strata == null) {
				throw new StrataException(ErrorCategory.CONFIGURATION, "Strata is not active, so there is nothing to"
						+ " migrate: it needs a DataSource bean or strata.url, and strata.enabled must not be false.");
			}
			fleet = (this.fleet != null) ? this.fleet.getIfAvailable() : null;
		}
		catch (RuntimeException ex) {
			// Creating the properties, the DataSource or Strata failed: configuration,
			// unless Strata says otherwise.
			return failed(report, ex, ErrorCategory.CONFIGURATION);
		}
		try {
			TargetGuard guard = new TargetGuard(properties);
			guard.checkConfiguration();
			report.database(guard.check(strata.config().dataSource(), strata.config().connectionSettings()));
			new MigratorCommands(strata, properties, lintFormat(), fleet).run(properties.getCommand(), report);
			return report.success();
		}
		catch (RuntimeException ex) {
			return failed(report, ex, ErrorCategory.UNEXPECTED);
		}
	}

	private MigratorReport failed(MigratorReport.Builder report, RuntimeException ex, ErrorCategory otherwise) {
		StrataException strataException = findStrataException(ex);
		ErrorCategory category = (strataException != null) ? strataException.category() : otherwise;
		String message = (strataException != null) ? strataException.getMessage() : describe(ex);
		if (category == ErrorCategory.UNEXPECTED) {
			logger.error("Strata migrator failed unexpectedly", ex);
		}
		else {
			logger.debug("Strata migrator failed", ex);
		}
		// Exception messages are the one place text from drivers and frameworks enters
		// the report.
		return report.failure(category, SecretRedactor.from(this.environment).apply(message));
	}

	private static @Nullable StrataException findStrataException(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof StrataException strataException) {
				return strataException;
			}
		}
		return null;
	}

	/**
	 * The innermost message: for a bean creation failure, the reason rather than the bean
	 * chain.
	 */
	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
		return (cause == ex) ? message : message + " (" + firstLine(ex.getMessage()) + ")";
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

	/**
	 * Read from the environment, not the bound properties, so that even a run whose
	 * properties do not bind reports in the requested format.
	 */
	private Output outputFormat() {
		String output = this.environment.getProperty("strata.migrator.output", "text");
		return output.trim().toLowerCase(Locale.ROOT).equals("json") ? Output.JSON : Output.TEXT;
	}

	/**
	 * Bound here, not injected as a bean, so that a value that does not bind (an unknown
	 * command) becomes this run's report rather than a failed context.
	 */
	private MigratorProperties bindProperties() {
		return Binder.get(this.environment)
			.bindOrCreate(MigratorProperties.PREFIX, Bindable.of(MigratorProperties.class));
	}

	/** {@code strata.lint.format}: output is the migrator's business, not core's. */
	private LintFormat lintFormat() {
		return Binder.get(this.environment)
			.bindOrCreate("strata.lint", Bindable.of(StrataProperties.Lint.class))
			.getFormat();
	}

	private String commandName() {
		String command = this.environment.getProperty("strata.migrator.command", MigratorCommand.MIGRATE.id());
		return command.trim().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private void exit(int code) {
		MigratorExit exit = this.exit.getIfAvailable();
		((exit != null) ? exit : new JvmExit(exitTimeout())).exit(code);
	}

	private Duration exitTimeout() {
		try {
			return bindProperties().getExitTimeout();
		}
		catch (RuntimeException ex) {
			return new MigratorProperties().getExitTimeout();
		}
	}

}
