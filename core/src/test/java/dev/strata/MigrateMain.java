package dev.strata;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrator process for {@link ConcurrentMigrateTest}: {@code MigrateMain <jdbc-url> <user> <password> <location>}.
 * Exits 0 after a successful migrate, else with the error category's exit code.
 */
public final class MigrateMain {

	private MigrateMain() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[0]);
		dataSource.setUser(args[1]);
		dataSource.setPassword(args[2]);
		try {
			MigrateResult result = new Strata(StrataConfig.builder(dataSource).locations(args[3]).build()).migrate();
			System.out.println("applied " + result.applied().size());
			System.exit(0);
		}
		catch (StrataException ex) {
			ex.printStackTrace();
			System.exit(ex.category().exitCode());
		}
	}

}
