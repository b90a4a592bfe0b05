package dev.strata.source.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.function.Predicate;
import dev.strata.source.Location;
import dev.strata.source.MigrationSourceException;

/**
 * Lists the {@code .sql} files below a classpath directory, in plain directories and
 * inside jars (including the nested jars of a Spring Boot executable jar, whose
 * {@code jar:nested:} URLs open through the JDK's {@link JarURLConnection}).
 */
final class ClasspathScanner {

	private ClasspathScanner() {
	}

	/** Whether the location names a directory (or a file) on the classpath. */
	static boolean exists(Location location, ClassLoader classLoader) {
		return classLoader.getResource(location.path()) != null;
	}

	static List<ScannedFile> scan(Location location, ClassLoader classLoader) {
		return scan(location, classLoader, (fileName) -> true);
	}

	/** The files whose name (without directories) {@code fileNames} accepts. */
	static List<ScannedFile> scan(Location location, ClassLoader classLoader, Predicate<String> fileNames) {
		List<ScannedFile> files = new ArrayList<>();
		try {
			Enumeration<URL> roots = classLoader.getResources(location.path());
			while (roots.hasMoreElements()) {
				URL root = roots.nextElement();
				if ("file".equals(root.getProtocol())) {
					files.addAll(FilesystemScanner.scan(location, Path.of(root.toURI()), fileNames));
				}
				else {
					files.addAll(scanJar(location, root, fileNames));
				}
			}
		}
		catch (IOException | URISyntaxException ex) {
			throw new MigrationSourceException(location.toString(), "cannot be listed: " + ex.getMessage(),
					"check the classpath", ex);
		}
		return files;
	}

	private static List<ScannedFile> scanJar(Location location, URL root, Predicate<String> fileNames)
			throws IOException {
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new MigrationSourceException(location.toString(), "is at " + root + ", which Strata cannot list",
					"use a directory or a jar on the classpath, or a filesystem: location");
		}
		jarConnection.setUseCaches(false);
		String prefix = jarConnection.getEntryName();
		prefix = (prefix == null || prefix.isEmpty()) ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
		List<ScannedFile> files = new ArrayList<>();
		try (JarFile jar = jarConnection.getJarFile()) {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(MigrationName.SUFFIX)
						&& fileNames.test(name.substring(name.lastIndexOf('/') + 1))) {
					String relative = name.substring(prefix.length());
					// Read now: the jar is closed once listed, and every file is read for
					// its checksum anyway.
					byte[] bytes;
					try (InputStream in = jar.getInputStream(entry)) {
						bytes = in.readAllBytes();
					}
					files.add(new ScannedFile(relative, location, () -> bytes));
				}
			}
		}
		return files;
	}

}
