package dev.strata.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.model.Resource;

/**
 * A Maven project on disk as the goals see it: migrations under
 * {@code src/main/resources/db/migration}, maybe an application.properties or
 * application.yml.
 */
class TestProject {

	final Path basedir;

	final CapturingLog log = new CapturingLog();

	TestProject(Path basedir) {
		this.basedir = basedir;
	}

	Path migrations() {
		return this.basedir.resolve("src/main/resources/db/migration");
	}

	TestProject migration(String name, String sql) {
		return write(migrations().resolve(name), sql);
	}

	TestProject applicationProperties(String text) {
		return write(this.basedir.resolve("src/main/resources/application.properties"), text);
	}

	TestProject applicationYaml(String text) {
		return write(this.basedir.resolve("src/main/resources/application.yml"), text);
	}

	/** The goal, configured as Maven would for this project. */
	<T extends AbstractStrataMojo> T configure(T mojo) {
		mojo.basedir = this.basedir.toFile();
		Resource resources = new Resource();
		resources.setDirectory(this.basedir.resolve("src/main/resources").toString());
		mojo.resources = List.of(resources);
		mojo.applicationProperties = this.basedir.resolve("src/main/resources/application.properties").toFile();
		mojo.setLog(this.log);
		return mojo;
	}

	private TestProject write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

}
