package dev.strata.migration.java;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.strata.migration.Migration;
import dev.strata.migration.MigrationResolver;
import dev.strata.migration.java.internal.JavaMigrationName;
import dev.strata.migration.java.internal.JavaMigrationScanner;
import dev.strata.migration.java.internal.ResolvedJavaMigration;
import dev.strata.targets.MigrationTarget;

/**
 * The Java migrations of a configuration: those registered as instances (in a Spring
 * application, every {@link JavaMigration} bean) and those found by scanning packages. A
 * class found by both is the registered instance only. {@code StrataConfig.Builder}
 * creates it from {@code javaMigrations(…)} and {@code javaMigrationPackages(…)}.
 */
public final class JavaMigrationResolver implements MigrationResolver {

	private final Supplier<? extends List<? extends JavaMigration>> registered;

	private final List<String> packages;

	private final ClassLoader classLoader;

	private final MigrationTarget target;

	/**
	 * @param registered the registered migrations, asked for each time migrations are
	 * read (so that a Spring application creates its beans only when they are needed)
	 * @param packages packages to scan, with their sub-packages
	 * @param classLoader where to scan
	 * @param target the target the migrations run on, for their context
	 */
	public JavaMigrationResolver(Supplier<? extends List<? extends JavaMigration>> registered, List<String> packages,
			ClassLoader classLoader, MigrationTarget target) {
		this.registered = registered;
		this.packages = List.copyOf(packages);
		this.classLoader = classLoader;
		this.target = target;
	}

	@Override
	public List<Migration> resolve() {
		List<Migration> migrations = new ArrayList<>();
		Set<Class<?>> classes = new HashSet<>();
		for (JavaMigration migration : this.registered.get()) {
			classes.add(JavaMigrationName.userClass(migration.getClass()));
			migrations.add(new ResolvedJavaMigration(migration, this.target));
		}
		JavaMigrationScanner scanner = new JavaMigrationScanner(this.classLoader);
		for (String packageName : this.packages) {
			for (JavaMigration migration : scanner.scan(packageName)) {
				if (classes.add(migration.getClass())) {
					migrations.add(new ResolvedJavaMigration(migration, this.target));
				}
			}
		}
		return migrations;
	}

}
