package dev.strata.autoconfigure.migrator;

import dev.strata.autoconfigure.migrator.MigratorProperties.Output;

/**
 * Writes the rendered report. The default writes to standard output; a bean of this type
 * replaces it, e.g. in tests.
 */
@FunctionalInterface
public interface ReportPrinter {

	void print(String report, Output format);

	/**
	 * Text goes through {@code System.out} (in order with the logs); JSON to the real
	 * standard output.
	 */
	static ReportPrinter standardOutput() {
		return (report, format) -> {
			if (format == Output.JSON) {
				StandardOutput.write(report);
			}
			else {
				System.out.print(report);
				System.out.flush();
			}
		};
	}

}
