package dev.strata.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlSyntaxExceptionTest {

	@Test
	void messageIsBuiltFromTheFacts() {
		SqlSyntaxException e = new SqlSyntaxException("V1__a.sql", 3, 14, "unterminated dollar-quoted string $body$",
				"close it with $body$");
		assertThat(e.getMessage())
			.isEqualTo("V1__a.sql:3:14: unterminated dollar-quoted string $body$. close it with $body$");
		assertThat(e.sourceName()).isEqualTo("V1__a.sql");
		assertThat(e.line()).isEqualTo(3);
		assertThat(e.column()).isEqualTo(14);
		assertThat(e.problem()).isEqualTo("unterminated dollar-quoted string $body$");
		assertThat(e.hint()).isEqualTo("close it with $body$");
	}

	@Test
	void isUnchecked() {
		assertThat(new SqlSyntaxException("a", 1, 1, "p", "h")).isInstanceOf(RuntimeException.class);
	}

}
