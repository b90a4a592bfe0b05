package dev.strata.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * The build log a goal writes, line by line with its level, for assertions (and printed,
 * for the test's output file).
 */
class CapturingLog extends SystemStreamLog {

	private final List<String> lines = new ArrayList<>();

	@Override
	public void info(CharSequence content) {
		this.lines.add("[INFO] " + content);
		super.info(content);
	}

	@Override
	public void warn(CharSequence content) {
		this.lines.add("[WARNING] " + content);
		super.warn(content);
	}

	@Override
	public void error(CharSequence content) {
		this.lines.add("[ERROR] " + content);
		super.error(content);
	}

	String text() {
		return String.join("\n", this.lines);
	}

	List<String> lines() {
		return this.lines;
	}

}
