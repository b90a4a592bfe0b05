package dev.strata.report.lint;

import java.util.function.Function;

import dev.strata.guard.report.LintResult;

/** How the lint report is written ({@code strata.lint.format}). */
public enum LintFormat {

	/** For people: findings per migration grouped by severity, then the verdict. */
	TEXT(TextReport::render),

	/** One JSON document, for tools. */
	JSON(JsonReport::render),

	/** GitHub Actions workflow commands: {@code ::error file=…,line=…::…} annotations. */
	GITHUB(GithubReport::render),

	/** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
	SARIF(SarifReport::render);

	private final Function<LintResult, String> renderer;

	LintFormat(Function<LintResult, String> renderer) {
		this.renderer = renderer;
	}

	public String render(LintResult result) {
		return this.renderer.apply(result);
	}

}
