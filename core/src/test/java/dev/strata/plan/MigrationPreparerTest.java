package dev.strata.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.junit.jupiter.api.Test;

class MigrationPreparerTest {

	private static MigrationFile file(String version, String sql) {
		return new MigrationFile(MigrationType.VERSIONED, Version.parse(version), "test", "V" + version + "__test.sql",
				"V" + version + "__test.sql", sql, 0);
	}

	@Test
	void handsEachMigrationOnAsSoonAsItIsPrepared() {
		List<String> seen = new ArrayList<>();
		List<Integer> counts = new MigrationPreparer().prepare(
				List.of(file("1", "SELECT 1; SELECT 2"), file("2", "CREATE INDEX CONCURRENTLY i ON t (c)")),
				(migration) -> {
					seen.add(migration.file().location() + " " + migration.transactional());
					return migration.statements().size();
				});
		assertThat(counts).containsExactly(2, 1);
		assertThat(seen).containsExactly("V1__test.sql true", "V2__test.sql false");
	}

	@Test
	void collectsTheErrorsOfEveryFileAndHandsOnOnlyThoseThatCanRun() {
		List<String> seen = new ArrayList<>();
		assertThatThrownBy(() -> new MigrationPreparer().prepare(
				List.of(file("1", "SELECT 'open"), file("2", "SELECT 2"),
						file("3", "CREATE INDEX CONCURRENTLY i ON t (c); SELECT 3")),
				(migration) -> seen.add(migration.file().location())))
			.isInstanceOfSatisfying(MigrationPreparationException.class, (ex) -> assertThat(ex.errors()).hasSize(2)
				.satisfiesExactly((error) -> assertThat(error).contains("V1__test.sql"),
						(error) -> assertThat(error).contains("V3__test.sql")));
		assertThat(seen).containsExactly("V2__test.sql");
	}

	@Test
	void preparingAListIsHandingOnEachMigrationAsItIs() {
		List<MigrationFile> files = List.of(file("1", "SELECT 1"), file("2", "-- strata:no-transaction\nVACUUM t"));
		List<PreparedMigration> prepared = new MigrationPreparer().prepare(files);
		assertThat(prepared).extracting(PreparedMigration::file).containsExactlyElementsOf(files);
		assertThat(prepared).extracting(PreparedMigration::transactional).containsExactly(true, false);
	}

}
