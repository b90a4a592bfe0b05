package dev.strata.guard.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import dev.strata.guard.rules.Rule;

/**
 * docs/guard.md documents every rule of the registry, and each documented example
 * triggers its rule.
 */
class GuardDocsTest {

	private static final Path DOC = Path.of("..", "docs", "guard.md");

	@Test
	void everyRuleHasASectionWhoseExampleTriggersIt() throws IOException {
		String doc = Files.readString(DOC);
		for (Rule rule : Rule.values()) {
			Matcher section = Pattern
				.compile("#### `" + Pattern.quote(rule.id()) + "`\\n\\n```sql\\n(.*?)\\n```", Pattern.DOTALL)
				.matcher(doc);
			assertThat(section.find()).as("section with an example for " + rule.id()).isTrue();
			assertThat(Recognise.rules(section.group(1))).as("example of " + rule.id()).contains(rule.id());
			assertThat(doc).contains(rule.lock());
			if (rule.squawk() != null) {
				assertThat(doc).as("squawk name of " + rule.id()).contains("`" + rule.squawk() + "`");
			}
		}
	}

}
