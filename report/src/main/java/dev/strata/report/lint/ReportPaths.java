package dev.strata.report.lint;

/**
 * Turns a migration's location into a path relative to the project, which GitHub
 * annotations and SARIF results need: {@code filesystem:} locations lose the prefix,
 * {@code classpath:} ones are taken to live under {@code src/main/resources}, Maven's and
 * Gradle's default.
 */
final class ReportPaths {

	private ReportPaths() {
	}

	static String of(String location) {
		if (location.startsWith("filesystem:")) {
			return location.substring("filesystem:".length());
		}
		if (location.startsWith("classpath:")) {
			String path = location.substring("classpath:".length());
			return "src/main/resources/" + (path.startsWith("/") ? path.substring(1) : path);
		}
		return location;
	}

}
