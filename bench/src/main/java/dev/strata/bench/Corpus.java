package dev.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The migrations every contestant runs: {@code V<n>__<description>.sql} files of
 * realistic DDL (tables with constraints, indexes, added columns, views, plpgsql
 * functions and triggers with {@code $$} bodies, comments, inserts), plus a Liquibase
 * changelog that runs the same files, one {@code <changeSet>} per file with
 * {@code <sqlFile splitStatements="false">}.
 *
 * <p>
 * Deterministic: the same N gives byte-identical files. Migration {@code i} always
 * creates exactly one table, {@code bt_<i>}, so after applying N migrations
 * {@link #TABLE_PATTERN} matches N tables.
 */
public final class Corpus {

	/** LIKE pattern matching the tables the corpus creates (one per migration). */
	public static final String TABLE_PATTERN = "bt\\_%";

	/** The Liquibase changelog's file name inside a corpus directory. */
	public static final String CHANGELOG = "changelog.xml";

	private Corpus() {
	}

	/**
	 * Writes N migrations and the changelog into {@code dir} (created; must not hold
	 * other migrations).
	 */
	public static Path write(Path dir, int n) {
		try {
			Files.createDirectories(dir);
			StringBuilder changelog = new StringBuilder(64 * n + 512);
			changelog.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
				.append("<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n")
				.append("    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
				.append("    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog ")
				.append("http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
			for (int i = 1; i <= n; i++) {
				String file = fileName(i);
				Files.writeString(dir.resolve(file), migration(i), StandardCharsets.UTF_8);
				changelog.append("  <changeSet id=\"")
					.append(i)
					.append("\" author=\"bench\">\n")
					.append("    <sqlFile path=\"")
					.append(file)
					.append("\" relativeToChangelogFile=\"true\" splitStatements=\"false\"/>\n")
					.append("  </changeSet>\n");
			}
			changelog.append("</databaseChangeLog>\n");
			Files.writeString(dir.resolve(CHANGELOG), changelog, StandardCharsets.UTF_8);
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the corpus into " + dir, ex);
		}
	}

	public static String fileName(int i) {
		return "V" + i + "__" + description(i) + ".sql";
	}

	private static String description(int i) {
		return switch (i % 5) {
			case 0 -> "create_table_" + i + "_with_indexes";
			case 1 -> "create_table_" + i + "_and_extend_previous";
			case 2 -> "create_table_" + i + "_and_view";
			case 3 -> "create_table_" + i + "_audit_function";
			default -> "create_table_" + i + "_and_seed";
		};
	}

	/** The text of migration {@code i} (1-based). */
	public static String migration(int i) {
		StringBuilder sql = new StringBuilder(1024);
		String t = "bt_" + i;
		sql.append("-- Migration ").append(i).append(": ").append(description(i).replace('_', ' ')).append('\n');
		sql.append("CREATE TABLE ")
			.append(t)
			.append(" (\n")
			.append("    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
			.append("    code        varchar(40) NOT NULL,\n")
			.append("    name        text NOT NULL,\n")
			.append("    amount      numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),\n")
			.append("    status      text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'active', 'closed')),\n");
		if (i > 1) {
			sql.append("    parent_id   bigint REFERENCES bt_").append(i - 1).append(" (id) ON DELETE SET NULL,\n");
		}
		sql.append("    created_at  timestamptz NOT NULL DEFAULT now(),\n")
			.append("    CONSTRAINT ")
			.append(t)
			.append("_code_uk UNIQUE (code)\n")
			.append(");\n\n");
		sql.append("COMMENT ON TABLE ")
			.append(t)
			.append(" IS 'Entity ")
			.append(i)
			.append(" of the benchmark corpus; it''s realistic enough';\n");
		switch (i % 5) {
			case 0 -> {
				sql.append("CREATE INDEX ").append(t).append("_name_idx ON ").append(t).append(" (lower(name));\n");
				sql.append("CREATE INDEX ")
					.append(t)
					.append("_active_idx ON ")
					.append(t)
					.append(" (created_at) WHERE status = 'active';\n");
				sql.append("COMMENT ON COLUMN ").append(t).append(".amount IS 'Amount in euros; never negative';\n");
			}
			case 1 -> {
				if (i > 1) {
					String previous = "bt_" + (i - 1);
					sql.append("\n/* Extend the previous table: nullable first, backfilled later */\n");
					sql.append("ALTER TABLE ").append(previous).append(" ADD COLUMN note text;\n");
					sql.append("ALTER TABLE ")
						.append(previous)
						.append(" ADD COLUMN updated_at timestamptz DEFAULT now();\n");
					sql.append("CREATE INDEX ")
						.append(previous)
						.append("_updated_idx ON ")
						.append(previous)
						.append(" (updated_at);\n");
				}
			}
			case 2 -> {
				sql.append("\nCREATE VIEW ")
					.append(t)
					.append("_active AS\n")
					.append("    SELECT id, code, name, amount\n")
					.append("    FROM ")
					.append(t)
					.append('\n')
					.append("    WHERE status = 'active'; -- the common case\n");
			}
			case 3 -> {
				sql.append("\nCREATE FUNCTION ")
					.append(t)
					.append("_touch() RETURNS trigger\n")
					.append("LANGUAGE plpgsql AS $$\n")
					.append("BEGIN\n")
					.append("    IF NEW.amount < 0 THEN\n")
					.append("        RAISE EXCEPTION 'amount must not be negative: %; got %', NEW.code, NEW.amount;\n")
					.append("    END IF;\n")
					.append("    NEW.name := trim(NEW.name); -- no stray spaces\n")
					.append("    RETURN NEW;\n")
					.append("END;\n")
					.append("$$;\n\n");
				sql.append("CREATE TRIGGER ")
					.append(t)
					.append("_touch_trg BEFORE INSERT OR UPDATE ON ")
					.append(t)
					.append('\n')
					.append("    FOR EACH ROW EXECUTE FUNCTION ")
					.append(t)
					.append("_touch();\n");
				sql.append("\nCREATE FUNCTION ")
					.append(t)
					.append("_total(p_status text) RETURNS numeric\n")
					.append("LANGUAGE plpgsql STABLE AS $body$\n")
					.append("DECLARE\n")
					.append("    result numeric;\n")
					.append("BEGIN\n")
					.append("    SELECT coalesce(sum(amount), 0) INTO result FROM ")
					.append(t)
					.append(" WHERE status = p_status;\n")
					.append("    RETURN result; /* ; inside a body is not a statement end */\n")
					.append("END\n")
					.append("$body$;\n");
			}
			default -> {
				sql.append("\nINSERT INTO ").append(t).append(" (code, name, amount, status) VALUES\n");
				for (int row = 1; row <= 5; row++) {
					sql.append("    ('C")
						.append(i)
						.append('-')
						.append(row)
						.append("', 'Item ")
						.append(row)
						.append(" of ")
						.append(i)
						.append("; O''Brien', ")
						.append(row * 10)
						.append(".50, '")
						.append(row % 2 == 0 ? "active" : "new")
						.append("')")
						.append(row < 5 ? ",\n" : ";\n");
				}
			}
		}
		return sql.toString();
	}

	/**
	 * A lint corpus of at least {@code minBytes} bytes of UTF-8: the migrations 1, 2, 3,
	 * … in order, each as its own script.
	 */
	public static List<String> lintCorpus(long minBytes) {
		List<String> scripts = new ArrayList<>();
		long bytes = 0;
		for (int i = 1; bytes < minBytes; i++) {
			String text = migration(i);
			scripts.add(text);
			bytes += text.getBytes(StandardCharsets.UTF_8).length;
		}
		return scripts;
	}

}
