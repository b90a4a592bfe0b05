package dev.strata.guard.rules;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A rule id that names no {@link Rule}, wherever it was written: a property, a builder
 * call, a {@code strata:allow} directive. One type and one message, so that a typo reads
 * the same everywhere and always lists the ids that would have worked.
 */
public final class UnknownRuleException extends IllegalArgumentException {

	private final String id;

	private final String where;

	/**
	 * @param id the id as written
	 * @param where where it was written, as the user would find it
	 * ({@code strata.guard.rules.drop-colum},
	 * {@code V2__drop.sql:1 strata:allow directive})
	 */
	public UnknownRuleException(String id, String where) {
		super(where + " names no guard rule '" + id + "'. Fix: use one of "
				+ Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", ")) + ".");
		this.id = id;
		this.where = where;
	}

	/** The unknown id, as written. */
	public String id() {
		return this.id;
	}

	/** Where it was written. */
	public String where() {
		return this.where;
	}

}
