package dev.strata.migration.sql.internal;

import java.util.List;

import dev.strata.sql.KeywordSet;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * The top-level statements that control the session's transaction ({@code BEGIN},
 * {@code COMMIT}, {@code SAVEPOINT} …), recognised from their leading keywords.
 *
 * <p>
 * Why: inside the transaction Strata wraps a migration in, a {@code COMMIT} makes the
 * statements before it permanent while the rest of the file, and its history row, can
 * still roll back: the half-applied file the transaction exists to prevent. Such a file
 * is refused unless it says with {@code -- strata:no-transaction} that it manages its own
 * transactions, and then how far a failed run got is told from where its own transaction
 * block opened.
 *
 * <p>
 * Only statements are looked at, never the bodies of {@code DO} blocks or routines (they
 * are strings to the splitter), and a {@code BEGIN ATOMIC} body belongs to its
 * {@code CREATE
 * FUNCTION}: a statement that starts with {@code BEGIN} is always the transaction
 * command.
 */
public enum TransactionControl {

	/** {@code BEGIN}, {@code START TRANSACTION}: opens a transaction block. */
	OPENS,

	/**
	 * {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT},
	 * {@code PREPARE TRANSACTION}: ends the block.
	 */
	ENDS,

	/**
	 * {@code COMMIT AND CHAIN} (and its siblings): ends the block and opens the next one
	 * at once.
	 */
	CHAINS,

	/**
	 * {@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}: works inside the block.
	 */
	WITHIN,

	/**
	 * {@code COMMIT PREPARED}, {@code ROLLBACK PREPARED}: finishes a prepared
	 * transaction, outside any block.
	 */
	PREPARED;

	private static final KeywordSet WORDS = KeywordSet.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT",
			"SAVEPOINT", "RELEASE", "PREPARE", "TRANSACTION", "WORK", "AND", "NO", "CHAIN", "TO", "PREPARED");

	/**
	 * What the statement does to the transaction, or {@code null} if it is not a
	 * transaction command.
	 */
	public static @Nullable TransactionControl of(SqlStatement statement) {
		String first = statement.keyword(0, WORDS);
		if (first == null) {
			return null;
		}
		return switch (first) {
			case "BEGIN" -> OPENS;
			case "START" -> "TRANSACTION".equals(statement.keyword(1, WORDS)) ? OPENS : null;
			case "COMMIT", "ROLLBACK" -> ending(statement);
			case "END", "ABORT" -> chains(statement) ? CHAINS : ENDS;
			case "SAVEPOINT", "RELEASE" -> WITHIN;
			case "PREPARE" -> preparesTransaction(statement) ? ENDS : null;
			default -> null;
		};
	}

	/**
	 * How many of the first {@code failed} statements stay applied when the statement at
	 * index {@code failed} fails: all of them, unless the file's own transaction block
	 * was open, in which case everything from the statement that opened it on is rolled
	 * back (a failed statement aborts the block, and a failed {@code COMMIT} rolls it
	 * back).
	 */
	public static int appliedBefore(List<SqlStatement> statements, int failed) {
		int applied = failed;
		boolean open = false;
		for (int i = 0; i < failed && i < statements.size(); i++) {
			TransactionControl control = of(statements.get(i));
			if (control == OPENS && !open) {
				open = true;
				applied = i;
			}
			else if (control == CHAINS) {
				open = true;
				applied = i + 1;
			}
			else if (control == ENDS) {
				open = false;
			}
		}
		return open ? applied : failed;
	}

	/**
	 * The statement that opens a transaction block the file leaves open at its end, or
	 * {@code null} if every block it opens is ended.
	 */
	public static @Nullable SqlStatement unendedBlock(List<SqlStatement> statements) {
		SqlStatement opened = null;
		for (SqlStatement statement : statements) {
			TransactionControl control = of(statement);
			if ((control == OPENS && opened == null) || control == CHAINS) {
				opened = statement;
			}
			else if (control == ENDS) {
				opened = null;
			}
		}
		return opened;
	}

	/**
	 * {@code COMMIT|ROLLBACK PREPARED 'id'}, {@code ROLLBACK [WORK] TO …}, else ends or
	 * chains.
	 */
	private static TransactionControl ending(SqlStatement statement) {
		String second = statement.keyword(1, WORDS);
		if ("PREPARED".equals(second)) {
			return PREPARED;
		}
		int next = ("WORK".equals(second) || "TRANSACTION".equals(second)) ? 2 : 1;
		if ("TO".equals(statement.keyword(next, WORDS))) {
			return WITHIN;
		}
		return chains(statement) ? CHAINS : ENDS;
	}

	/** {@code … AND CHAIN}, not {@code … AND NO CHAIN}. */
	private static boolean chains(SqlStatement statement) {
		List<Token> tokens = statement.tokens();
		int last = tokens.size() - 1;
		return last >= 1 && tokens.get(last).isWord("CHAIN") && tokens.get(last - 1).isWord("AND");
	}

	/**
	 * {@code PREPARE TRANSACTION 'id'}; {@code PREPARE name [(types)] AS …} defines a
	 * statement.
	 */
	private static boolean preparesTransaction(SqlStatement statement) {
		List<Token> tokens = statement.tokens();
		return tokens.size() == 3 && tokens.get(1).isWord("TRANSACTION") && tokens.get(2).kind() == TokenKind.STRING;
	}

}
