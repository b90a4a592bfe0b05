package dev.strata.autoconfigure.migrator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of migrator mode, under {@code strata.migrator.*}.
 */
@ConfigurationProperties(MigratorProperties.PREFIX)
public class MigratorProperties {

	static final String PREFIX = "strata.migrator";

	/**
	 * Whether to run as a migrator: run one command, print a report and exit. Defaults to
	 * whether the 'migrator' profile is active; 'false' turns migrator mode off even with
	 * that profile.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Command to run.
	 */
	private MigratorCommand command = MigratorCommand.MIGRATE;

	/**
	 * Format of the report on standard output. With 'json', standard output carries
	 * exactly one JSON document and logs go to standard error.
	 */
	private Output output = Output.TEXT;

	/**
	 * Name of the database the migrator must find at the end of its connection
	 * ('current_database()'); any other database is refused before anything is touched.
	 */
	private @Nullable String expectedDatabase;

	/**
	 * Label of the environment this run targets, such as 'production'. When set, the
	 * database must carry the same label in its 'strata.environment' setting (ALTER
	 * DATABASE ... SET strata.environment = '...'), otherwise the run is refused before
	 * anything is touched.
	 */
	private @Nullable String environment;

	/**
	 * Whether a run without 'strata.migrator.environment' is refused, so that nobody runs
	 * the migrator without saying which environment it targets.
	 */
	private boolean requireEnvironment;

	/**
	 * How long the process may take to shut down after the report before it is halted
	 * with the same exit code (guards against shutdown hooks that never return).
	 */
	private Duration exitTimeout = Duration.ofSeconds(30);

	/**
	 * Whether 'validate' also compares the live schema with the stored snapshot and fails
	 * with exit code 7 when it drifted (after its own checks, which keep exit code 3).
	 */
	private boolean failOnDrift;

	private final Repair repair = new Repair();

	private final AcceptDrift acceptDrift = new AcceptDrift();

	private final Restore restore = new Restore();

	private final Undo undo = new Undo();

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public MigratorCommand getCommand() {
		return this.command;
	}

	public void setCommand(MigratorCommand command) {
		this.command = command;
	}

	public Output getOutput() {
		return this.output;
	}

	public void setOutput(Output output) {
		this.output = output;
	}

	public @Nullable String getExpectedDatabase() {
		return this.expectedDatabase;
	}

	public void setExpectedDatabase(@Nullable String expectedDatabase) {
		this.expectedDatabase = expectedDatabase;
	}

	public @Nullable String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(@Nullable String environment) {
		this.environment = environment;
	}

	public boolean isRequireEnvironment() {
		return this.requireEnvironment;
	}

	public void setRequireEnvironment(boolean requireEnvironment) {
		this.requireEnvironment = requireEnvironment;
	}

	public Duration getExitTimeout() {
		return this.exitTimeout;
	}

	public void setExitTimeout(Duration exitTimeout) {
		this.exitTimeout = exitTimeout;
	}

	public boolean isFailOnDrift() {
		return this.failOnDrift;
	}

	public void setFailOnDrift(boolean failOnDrift) {
		this.failOnDrift = failOnDrift;
	}

	public Repair getRepair() {
		return this.repair;
	}

	public AcceptDrift getAcceptDrift() {
		return this.acceptDrift;
	}

	public Undo getUndo() {
		return this.undo;
	}

	/**
	 * Settings of the {@code repair} command.
	 */
	public static class Repair {

		/**
		 * Whether 'repair' may change the history. Without it, 'repair' refuses (exit
		 * code 2): realigning checksums hides edits to applied migrations, so it must be
		 * asked for.
		 */
		private boolean confirm;

		public boolean isConfirm() {
			return this.confirm;
		}

		public void setConfirm(boolean confirm) {
			this.confirm = confirm;
		}

	}

	public Restore getRestore() {
		return this.restore;
	}

	/**
	 * Settings of the {@code restore} command.
	 */
	public static class Restore {

		/**
		 * The id of the archive to restore, as the 'archives' command lists it.
		 */
		private @Nullable Long id;

		/**
		 * Whether 'restore' may put the archive back. Without it, 'restore' lists the
		 * archive and refuses (exit code 2).
		 */
		private boolean confirm;

		public @Nullable Long getId() {
			return this.id;
		}

		public void setId(@Nullable Long id) {
			this.id = id;
		}

		public boolean isConfirm() {
			return this.confirm;
		}

		public void setConfirm(boolean confirm) {
			this.confirm = confirm;
		}

	}

	/**
	 * Settings of the {@code accept-drift} command.
	 */
	public static class AcceptDrift {

		/**
		 * Whether 'accept-drift' may store the live schema as the new snapshot. Without
		 * it, 'accept-drift' lists the drift it would accept and refuses (exit code 2):
		 * accepting hides every change made by hand, so it must be asked for after a
		 * review.
		 */
		private boolean confirm;

		public boolean isConfirm() {
			return this.confirm;
		}

		public void setConfirm(boolean confirm) {
			this.confirm = confirm;
		}

	}

	/**
	 * Settings of the {@code undo} command.
	 */
	public static class Undo {

		/**
		 * Whether 'undo' may run the undo files. Without it, 'undo' lists the statements
		 * it would run and refuses (exit code 2): undoing changes the schema and may drop
		 * data, so it must be asked for after a review.
		 */
		private boolean confirm;

		/**
		 * Version to undo down to: every applied version above it is undone, newest
		 * first. Unset, 'undo' undoes the last applied version only.
		 */
		private @Nullable String target;

		public boolean isConfirm() {
			return this.confirm;
		}

		public void setConfirm(boolean confirm) {
			this.confirm = confirm;
		}

		public @Nullable String getTarget() {
			return this.target;
		}

		public void setTarget(@Nullable String target) {
			this.target = target;
		}

	}

	/**
	 * Format of the migrator's report.
	 */
	public enum Output {

		/**
		 * A short human summary.
		 */
		TEXT,

		/**
		 * One JSON document (see docs/migrator.md).
		 */
		JSON

	}

}
