package dev.strata.migration.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strata's computation of Flyway's checksum gives what Flyway's own gives, for the texts
 * where a difference could hide: line endings, a BOM, blank lines, no final newline,
 * characters beyond ASCII.
 */
class FlywayChecksumTest {

	@ParameterizedTest
	@ValueSource(strings = { "", "create table a (id int);", "create table a (id int);\n",
			"create table a (id int);\r\n\r\ncreate table b (id int);\r\n", "\uFEFFcreate table a (id int);\n",
			"a\rb\r\nc\n\n\nd", "insert into t values ('é', '😀');\n", "-- only a comment", "\n\n\n", "x\uFEFFy" })
	void matchesFlywaysOwn(String text) {
		assertThat(FlywayChecksum.of(text)).isEqualTo(ChecksumCalculator.calculate(new StringResource(text)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "create table a (id int);\ncreate table b (id int);" })
	void anyOtherCharacterChangesIt(String text) {
		assertThat(FlywayChecksum.of(text)).isNotEqualTo(FlywayChecksum.of(text.replace("b (", "c (")));
	}

}
