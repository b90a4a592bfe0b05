package dev.strata.maven;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.strata.report.MigrationEntry;
import org.jspecify.annotations.Nullable;

/**
 * The migrations as a table for the build log, Flyway's {@code info} in shape: version,
 * description, type, state, when it was installed and how long it took.
 */
final class StatusTable {

	private static final List<String> HEADER = List.of("Version", "Description", "Type", "State", "Installed on",
			"Time");

	private StatusTable() {
	}

	static List<String> render(List<MigrationEntry> migrations) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(HEADER);
		for (MigrationEntry migration : migrations) {
			rows.add(List.of(text(migration.version()), migration.description(), text(migration.type()),
					migration.state(), text((migration.installedOn() != null)
							? migration.installedOn().truncatedTo(ChronoUnit.SECONDS) : null),
					(migration.executionTimeMs() != null) ? migration.executionTimeMs() + " ms" : ""));
		}
		int[] widths = new int[HEADER.size()];
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		List<String> lines = new ArrayList<>();
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				line.append((i == 0) ? "" : " | ")
					.append(row.get(i))
					.append(" ".repeat(widths[i] - row.get(i).length()));
			}
			lines.add(line.toString().stripTrailing());
			if (rows.indexOf(row) == 0) {
				StringBuilder rule = new StringBuilder();
				for (int i = 0; i < widths.length; i++) {
					rule.append((i == 0) ? "" : "-+-").append("-".repeat(widths[i]));
				}
				lines.add(rule.toString());
			}
		}
		if (migrations.isEmpty()) {
			lines.add("(no migrations)");
		}
		return lines;
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

}
