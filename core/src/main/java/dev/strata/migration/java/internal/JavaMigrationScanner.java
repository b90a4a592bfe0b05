package dev.strata.migration.java.internal;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.strata.migration.java.JavaMigration;
import dev.strata.source.MigrationSourceException;

/**
 * Finds the {@link JavaMigration} classes in a package and below it, in directories and
 * jars on the classpath (as Flyway finds them in {@code classpath:db/migration}), and
 * creates each with its no-argument constructor. Abstract classes, interfaces and nested
 * classes are skipped.
 */
public final class JavaMigrationScanner {

	private static final String CLASS = ".class";

	private final ClassLoader classLoader;

	public JavaMigrationScanner(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * @throws MigrationSourceException for a package that cannot be listed, or a
	 * migration class that cannot be created
	 */
	public List<JavaMigration> scan(String packageName) {
		String path = packageName.replace('.', '/');
		List<String> classNames = new ArrayList<>();
		try {
			Enumeration<URL> roots = this.classLoader.getResources(path);
			while (roots.hasMoreElements()) {
				URL root = roots.nextElement();
				if ("file".equals(root.getProtocol())) {
					classNames.addAll(inDirectory(Path.of(root.toURI()), packageName));
				}
				else {
					classNames.addAll(inJar(root, path));
				}
			}
		}
		catch (IOException | URISyntaxException ex) {
			throw new MigrationSourceException("package " + packageName, "cannot be listed: " + ex.getMessage(),
					"check the classpath", ex);
		}
		List<JavaMigration> migrations = new ArrayList<>();
		for (String className : classNames.stream().distinct().sorted().toList()) {
			Class<?> type = load(className);
			if (JavaMigration.class.isAssignableFrom(type) && !type.isInterface()
					&& !Modifier.isAbstract(type.getModifiers())) {
				migrations.add(create(type));
			}
		}
		return migrations;
	}

	private static List<String> inDirectory(Path directory, String packageName) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> isTopLevelClass(file.getFileName().toString())).map((file) -> {
				String relative = directory.relativize(file)
					.toString()
					.replace(file.getFileSystem().getSeparator(), ".");
				return packageName + "." + relative.substring(0, relative.length() - CLASS.length());
			}).toList();
		}
	}

	private static List<String> inJar(URL root, String path) throws IOException {
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			return List.of();
		}
		jarConnection.setUseCaches(false);
		String prefix = path.endsWith("/") ? path : path + "/";
		List<String> names = new ArrayList<>();
		try (JarFile jar = jarConnection.getJarFile()) {
			String entryPrefix = entryPrefix(jarConnection.getEntryName(), prefix);
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				String name = entries.nextElement().getName();
				if (name.startsWith(entryPrefix) && isTopLevelClass(name.substring(name.lastIndexOf('/') + 1))) {
					String relative = name.substring(entryPrefix.length() - prefix.length());
					names.add(relative.substring(0, relative.length() - CLASS.length()).replace('/', '.'));
				}
			}
		}
		return names;
	}

	/**
	 * The prefix of the package's entries: inside a Spring Boot jar the classes sit below
	 * {@code BOOT-INF/classes/}, which the entry name of the URL includes.
	 */
	private static String entryPrefix(String entryName, String prefix) {
		if (entryName == null || entryName.isEmpty()) {
			return prefix;
		}
		return entryName.endsWith("/") ? entryName : entryName + "/";
	}

	private static boolean isTopLevelClass(String fileName) {
		return fileName.endsWith(CLASS) && fileName.indexOf('$') < 0 && !fileName.equals("package-info.class");
	}

	private Class<?> load(String className) {
		try {
			return Class.forName(className, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new MigrationSourceException(className, "cannot be loaded: " + ex, "check the classpath", ex);
		}
	}

	private static JavaMigration create(Class<?> type) {
		try {
			var constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return (JavaMigration) constructor.newInstance();
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new MigrationSourceException(type.getName(), "cannot be created: " + cause,
					"give it a public no-argument constructor, or register an instance instead of scanning for it", ex);
		}
	}

}
