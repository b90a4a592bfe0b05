package dev.strata.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.fleet.internal.SearchPath;
import org.junit.jupiter.api.Test;

class SearchPathTest {

	@Test
	void readsTheSettingAsPostgresPrintsIt() {
		assertThat(SearchPath.parse("\"$user\", public")).containsExactly("$user", "public");
		assertThat(SearchPath.parse("Shared, \"Mixed\"\"Case\", x")).containsExactly("shared", "Mixed\"Case", "x");
		assertThat(SearchPath.parse("")).isEmpty();
	}

}
