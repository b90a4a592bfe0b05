package dev.strata.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * The physical floor: what any tool must at least do. One connection; list the directory,
 * read the history, and for each file not yet recorded (in version order) run its whole
 * text in its own transaction together with one history row. No checksums, no validation,
 * no lock.
 */
final class JdbcContestant implements Contestant {

	static final String TABLE = "bench_jdbc_history";

	@Override
	public String name() {
		return "jdbc";
	}

	@Override
	public int migrate(DataSource dataSource, Path corpus) throws Exception {
		List<Path> files = migrations(corpus);
		try (Connection connection = dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
						+ " (version int PRIMARY KEY, script text NOT NULL, installed_on timestamptz NOT NULL DEFAULT now())");
			}
			Set<Integer> applied = new HashSet<>();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT version FROM " + TABLE)) {
				while (rs.next()) {
					applied.add(rs.getInt(1));
				}
			}
			int count = 0;
			connection.setAutoCommit(false);
			try (PreparedStatement record = connection
				.prepareStatement("INSERT INTO " + TABLE + " (version, script) VALUES (?, ?)")) {
				for (Path file : files) {
					int version = version(file);
					if (applied.contains(version)) {
						continue;
					}
					String sql = Files.readString(file, StandardCharsets.UTF_8);
					try (Statement statement = connection.createStatement()) {
						statement.execute(sql);
					}
					record.setInt(1, version);
					record.setString(2, file.getFileName().toString());
					record.executeUpdate();
					connection.commit();
					count++;
				}
			}
			catch (Exception ex) {
				connection.rollback();
				throw ex;
			}
			return count;
		}
	}

	private static List<Path> migrations(Path corpus) throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> list = Files.list(corpus)) {
			list.filter((path) -> path.getFileName().toString().matches("V\\d+__.*\\.sql")).forEach(files::add);
		}
		files.sort((a, b) -> Integer.compare(version(a), version(b)));
		return files;
	}

	private static int version(Path file) {
		String name = file.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

	@Override
	public String historyCountSql() {
		return "SELECT count(*) FROM " + TABLE;
	}

}
