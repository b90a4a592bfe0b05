package dev.strata.source.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.strata.source.MigrationSourceException;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;

class MigrationNameTest {

	@Test
	void versionedNameHasVersionAndDescriptionWithSpaces() {
		MigrationName name = MigrationName.parse("V1_2__add_orders_table.sql", "here");

		assertThat(name.type()).isEqualTo(MigrationType.VERSIONED);
		assertThat(name.version()).isEqualTo(Version.parse("1.2"));
		assertThat(name.description()).isEqualTo("add orders table");
	}

	@Test
	void descriptionMayContainDoubleUnderscoresAfterTheFirst() {
		MigrationName name = MigrationName.parse("V3__a__b.sql", "here");

		assertThat(name.version()).isEqualTo(Version.parse("3"));
		assertThat(name.description()).isEqualTo("a  b");
	}

	@Test
	void repeatableNameHasNoVersion() {
		MigrationName name = MigrationName.parse("R__refresh_views.sql", "here");

		assertThat(name.type()).isEqualTo(MigrationType.REPEATABLE);
		assertThat(name.version()).isNull();
		assertThat(name.description()).isEqualTo("refresh views");
	}

	@Test
	void undoNameHasTheVersionItReverts() {
		MigrationName name = MigrationName.parse("U1.2__drop_orders.sql", "here");

		assertThat(MigrationName.isUndo("U1.2__drop_orders.sql")).isTrue();
		assertThat(name.type()).isEqualTo(MigrationType.VERSIONED);
		assertThat(name.version()).isEqualTo(Version.parse("1.2"));
		assertThat(name.description()).isEqualTo("drop orders");
	}

	@ParameterizedTest
	@ValueSource(strings = { "V2_add_x.sql", "v1__x.sql", "V1.a__x.sql", "V__x.sql", "V1__.sql", "V1_____.sql",
			"R1__x.sql", "r__x.sql", "__x.sql", "init.sql", "U__undo.sql", "U1.x__undo.sql", "u1__undo.sql" })
	void badNamesAreErrorsNamingTheFile(String fileName) {
		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class,
				() -> MigrationName.parse(fileName, "classpath:db/migration/" + fileName));

		assertThat(ex.file()).isEqualTo("classpath:db/migration/" + fileName);
		assertThat(ex.getMessage()).startsWith("classpath:db/migration/" + fileName + " is not a valid migration name");
		assertThat(ex.hint()).contains("V<version>__<description>.sql");
	}

}
