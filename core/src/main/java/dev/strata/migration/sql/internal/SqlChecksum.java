package dev.strata.migration.sql.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;

/**
 * A checksum of what PostgreSQL would run: the statements' tokens without comments and
 * whitespace, unquoted words folded to lower case as PostgreSQL folds them. Two files
 * with the same SQL checksum differ only in comments, layout or keyword case.
 */
public final class SqlChecksum {

	private SqlChecksum() {
	}

	public static int of(List<SqlStatement> statements) {
		CRC32 crc = new CRC32();
		for (SqlStatement statement : statements) {
			for (Token token : statement.tokens()) {
				String text = (token.kind() == TokenKind.WORD) ? token.text().toLowerCase(Locale.ROOT) : token.text();
				crc.update(text.getBytes(StandardCharsets.UTF_8));
				crc.update(' ');
			}
			crc.update(';');
		}
		return (int) crc.getValue();
	}

}
