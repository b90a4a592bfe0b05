package dev.strata.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

	@Test
	void versionsCompareNumericallyPartByPart() {
		List<Version> versions = new ArrayList<>();
		for (String text : List.of("10", "2", "1.10", "1_2", "1.1", "1", "1.2.1", "99999999999999999999")) {
			versions.add(Version.parse(text));
		}
		Collections.shuffle(versions, new java.util.Random(42));
		Collections.sort(versions);

		assertThat(versions).extracting(Version::toString)
			.containsExactly("1", "1.1", "1.2", "1.2.1", "1.10", "2", "10", "99999999999999999999");
	}

	@Test
	void trailingZeroPartsAndLeadingZerosDoNotCount() {
		Version one = Version.parse("1");

		assertThat(Version.parse("1.0")).isEqualTo(one).hasSameHashCodeAs(one);
		assertThat(Version.parse("01")).isEqualTo(one).hasSameHashCodeAs(one);
		assertThat(Version.parse("1_0_0")).isEqualTo(one);
		assertThat(Version.parse("1.0").compareTo(one)).isZero();
		assertThat(Version.parse("1.0.1")).isNotEqualTo(one).isGreaterThan(one);
		assertThat(Version.parse("0")).isLessThan(one);
	}

	@Test
	void textKeepsTheWrittenFormWithUnderscoresAsDots() {
		assertThat(Version.parse("2_1_3")).hasToString("2.1.3");
		assertThat(Version.parse("01.0")).hasToString("01.0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1.", ".1", "1..2", "a", "1.a", "1-2", "1 2", "-1", "1__2" })
	void malformedVersionsAreRejected(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Version.parse(text));
	}

	@Test
	void partsLongerThanALongCompareNumericallyWhateverTheirLeadingZeros() {
		assertThat(Version.parse("000123456789012345678901234567890"))
			.isEqualTo(Version.parse("123456789012345678901234567890"));
		assertThat(Version.parse("123456789012345678901234567891"))
			.isGreaterThan(Version.parse("0123456789012345678901234567890"));
		assertThat(Version.parse("9.00")).isEqualTo(Version.parse("9")).isLessThan(Version.parse("9.0.1"));
		assertThat(Version.parse("0")).isEqualTo(Version.parse("000")).isLessThan(Version.parse("0.1"));
	}

}
