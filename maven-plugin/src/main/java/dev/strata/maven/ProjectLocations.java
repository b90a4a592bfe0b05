package dev.strata.maven;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.strata.source.Location;

/**
 * The migration locations as the project sees them: {@code classpath:} locations are read
 * from the project's resource directories (what the application's class path will hold,
 * before the build copies it), {@code filesystem:} ones relative to the project's
 * directory rather than to wherever Maven was started.
 */
final class ProjectLocations {

	private final Path basedir;

	private final List<Path> resourceDirectories;

	private final List<Location> locations;

	ProjectLocations(Path basedir, List<Path> resourceDirectories, List<String> locations) {
		this.basedir = basedir;
		this.resourceDirectories = List.copyOf(resourceDirectories);
		this.locations = locations.stream().map(Location::parse).toList();
	}

	/**
	 * As core reads them: classpath locations as written (so reports name
	 * {@code src/main/resources/…}), filesystem ones made absolute.
	 */
	List<String> forCore() {
		return this.locations.stream().map(this::forCore).toList();
	}

	private String forCore(Location location) {
		if (location.kind() == Location.Kind.FILESYSTEM) {
			return "filesystem:" + this.basedir.resolve(location.path()).normalize();
		}
		return location.toString();
	}

	/** A class loader that sees the project's resource directories and nothing else. */
	ClassLoader classLoader() {
		List<URL> urls = new ArrayList<>();
		for (Path directory : this.resourceDirectories) {
			try {
				urls.add(directory.toUri().toURL());
			}
			catch (MalformedURLException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

	/**
	 * Where a new migration goes: the first location's directory, for a classpath
	 * location in the first resource directory.
	 */
	Path firstDirectory() {
		Location first = this.locations.get(0);
		if (first.kind() == Location.Kind.FILESYSTEM) {
			return this.basedir.resolve(first.path()).normalize();
		}
		Path resources = this.resourceDirectories.isEmpty() ? this.basedir.resolve("src/main/resources")
				: this.resourceDirectories.get(0);
		return resources.resolve(first.path());
	}

	/**
	 * A migration's file as a path relative to the project, for the build log:
	 * {@code classpath:db/migration/V1__init.sql} becomes
	 * {@code src/main/resources/db/migration/V1__init.sql}.
	 */
	String display(String file) {
		Path path;
		if (file.startsWith("filesystem:")) {
			path = Path.of(file.substring("filesystem:".length()));
		}
		else if (file.startsWith("classpath:")) {
			String resource = file.substring("classpath:".length());
			path = this.resourceDirectories.stream()
				.map((directory) -> directory.resolve(resource))
				.filter(Files::exists)
				.findFirst()
				.orElse(null);
			if (path == null) {
				return file;
			}
		}
		else {
			return file;
		}
		return path.startsWith(this.basedir) ? this.basedir.relativize(path).toString() : path.toString();
	}

	/** As configured, for messages. */
	List<String> describe() {
		return this.locations.stream().map(Location::toString).toList();
	}

}
