package dev.strata.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NextMigrationTest {

	@TempDir
	Path dir;

	@Test
	void theNextVersionKeepsTheStyleOfTheHighest() {
		assertThat(NextMigration.versionAfter(Optional.empty())).isEqualTo("1");
		assertThat(NextMigration.versionAfter(Optional.of("9"))).isEqualTo("10");
		assertThat(NextMigration.versionAfter(Optional.of("001"))).isEqualTo("002");
		assertThat(NextMigration.versionAfter(Optional.of("099"))).isEqualTo("100");
		assertThat(NextMigration.versionAfter(Optional.of("1.2"))).isEqualTo("1.3");
		assertThat(NextMigration.versionAfter(Optional.of("2_9"))).isEqualTo("2_10");
		assertThat(NextMigration.versionAfter(Optional.of("20261207063000"))).isEqualTo("20261207063001");
	}

	@Test
	void theHighestVersionIsComparedNumericallyAndIgnoresOtherFiles() throws Exception {
		for (String name : new String[] { "V2__b.sql", "V10__c.sql", "V9.5__d.sql", "R__views.sql", "V11__notes.txt",
				"beforeMigrate.sql" }) {
			Files.writeString(this.dir.resolve(name), "");
		}

		assertThat(NextMigration.highestVersion(this.dir)).contains("10");
		assertThat(NextMigration.highestVersion(this.dir.resolve("absent"))).isEmpty();
	}

	@Test
	void theDescriptionIsTheNameWithUnderscores() {
		assertThat(NextMigration.description("  add email to customers ")).isEqualTo("add_email_to_customers");
		assertThat(NextMigration.description("Add e-mail (again)!")).isEqualTo("Add_e_mail_again");
		assertThatIllegalArgumentException().isThrownBy(() -> NextMigration.description(" -- "));
		assertThat(NextMigration.fileName("002", "add_email")).isEqualTo("V002__add_email.sql");
	}

	@Test
	void aTimestampVersionIsUtcToTheSecond() {
		assertThat(NextMigration.timestamp(Instant.parse("2026-12-07T06:30:05Z"))).isEqualTo("20261207063005");
	}

}
