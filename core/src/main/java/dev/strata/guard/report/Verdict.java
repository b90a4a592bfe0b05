package dev.strata.guard.report;

/** The lint report's bottom line. */
public enum Verdict {

	/** No finding refuses or warns. */
	SAFE_TO_DEPLOY("SAFE TO DEPLOY"),

	/** Nothing refuses, something warns. */
	SAFE_WITH_WARNINGS("SAFE WITH WARNINGS"),

	/** At least one statement would be refused. */
	REFUSED("REFUSED");

	private final String label;

	Verdict(String label) {
		this.label = label;
	}

	/** As printed: {@code SAFE TO DEPLOY}. */
	public String label() {
		return this.label;
	}

}
