package dev.strata.guard.rules.internal;

import java.util.ArrayList;
import java.util.List;

import dev.strata.guard.Finding;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import org.jspecify.annotations.Nullable;
import dev.strata.guard.rules.Rule;

/**
 * Collects the findings of one migration's statements, one statement at a time: rules
 * report into it.
 */
final class Findings {

	private static final int STATEMENT_PREVIEW = 120;

	private final String file;

	private final List<Finding> found = new ArrayList<>();

	private @Nullable SqlStatement statement;

	Findings(String file) {
		this.file = file;
	}

	/**
	 * Starts on the next statement: what {@link #all()} returns from now on is its
	 * findings.
	 */
	void startStatement(SqlStatement statement) {
		this.statement = statement;
		this.found.clear();
	}

	/**
	 * Reports a finding.
	 * @param at the token it is about (an {@code ALTER TABLE} action), or {@code null}
	 * for the statement
	 * @param table the table whose lock or size matters, or {@code null}
	 */
	void add(Rule rule, @Nullable Token at, String message, @Nullable Name table) {
		SqlStatement current = this.statement;
		int line = (at != null) ? at.line() : current.line();
		int column = (at != null) ? at.column() : current.column();
		this.found.add(new Finding(rule, message, this.file, line, column, current.abbreviated(STATEMENT_PREVIEW),
				(table != null) ? table.text() : null));
	}

	void add(Rule rule, String message) {
		add(rule, null, message, null);
	}

	/** The findings of the statement at hand. */
	List<Finding> all() {
		return List.copyOf(this.found);
	}

}
