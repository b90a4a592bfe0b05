package dev.strata.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Launching and timing fresh JVMs on (a part of) this module's runtime classpath. */
final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * This module's runtime classpath as explicit entries. Under
	 * {@code java -jar strata-bench.jar} the jar is replaced by {@code target/classes}
	 * and the jars its manifest names, so that a child can be given a filtered list (a
	 * jar with a {@code Class-Path} manifest would drag in everything).
	 */
	static List<Path> classpath() {
		Set<Path> entries = new LinkedHashSet<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.isEmpty()) {
				continue;
			}
			Path path = Path.of(entry).toAbsolutePath().normalize();
			List<Path> manifestEntries = manifestClassPath(path);
			if (manifestEntries.isEmpty()) {
				entries.add(path);
				continue;
			}
			Path classes = path.getParent().resolve("classes");
			if (!Files.isDirectory(classes)) {
				throw new IllegalStateException("Expected the compiled classes next to " + path + " at " + classes);
			}
			entries.add(classes);
			entries.addAll(manifestEntries);
		}
		return List.copyOf(entries);
	}

	private static List<Path> manifestClassPath(Path path) {
		if (!path.toString().endsWith(".jar") || !Files.isRegularFile(path)) {
			return List.of();
		}
		try (JarFile jar = new JarFile(path.toFile())) {
			Manifest manifest = jar.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
			if (classPath == null || classPath.isBlank()) {
				return List.of();
			}
			List<Path> result = new ArrayList<>();
			for (String item : classPath.trim().split("\\s+")) {
				result.add(path.getParent().resolve(item).normalize());
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the manifest of " + path, ex);
		}
	}

	/** Entries whose file name does not start with any of the prefixes. */
	static List<Path> without(List<Path> classpath, String... fileNamePrefixes) {
		Predicate<Path> excluded = (path) -> {
			String name = path.getFileName().toString();
			for (String prefix : fileNamePrefixes) {
				if (name.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		};
		return classpath.stream().filter(excluded.negate()).toList();
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static String join(List<Path> classpath) {
		return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
	}

	/**
	 * Runs a command to its end. The time is measured from just before the process starts
	 * until the first line starting with {@code marker} (or, with a null marker, until
	 * the process has exited).
	 */
	static Outcome run(List<String> command, Map<String, String> environment, String marker, long timeoutSeconds) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Deque<String> tail = new ArrayDeque<>();
		List<String> markerLines = new ArrayList<>();
		long started = System.nanoTime();
		long markedAt = -1;
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command.get(0), ex);
		}
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("BENCH-")) {
					markerLines.add(line);
					if (marker != null && markedAt < 0 && line.startsWith(marker)) {
						markedAt = System.nanoTime();
					}
				}
				tail.addLast(line);
				if (tail.size() > 60) {
					tail.removeFirst();
				}
			}
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Child JVM did not finish in " + timeoutSeconds + " s: " + command);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException("Interrupted", ex);
		}
		long ended = System.nanoTime();
		long elapsed = ((marker != null) ? markedAt : ended) - started;
		return new Outcome(process.exitValue(), elapsed, markedAt >= 0 || marker == null, markerLines,
				String.join("\n", tail));
	}

	/**
	 * @param exitCode the process's exit code
	 * @param nanos launch to marker, or launch to exit
	 * @param marked whether the marker was seen
	 * @param markerLines the lines starting with {@code BENCH-}
	 * @param tail the last lines of output, for error messages
	 */
	record Outcome(int exitCode, long nanos, boolean marked, List<String> markerLines, String tail) {

		/** The value of {@code key=} in the first marker line that has it. */
		String value(String key) {
			for (String line : this.markerLines) {
				for (String part : line.split(" ")) {
					if (part.startsWith(key + "=")) {
						return part.substring(key.length() + 1);
					}
				}
			}
			throw new Bench.VerificationException("The child printed no " + key + "=: " + this.tail);
		}

		void requireSuccess(String what) {
			if (this.exitCode != 0 || !this.marked) {
				throw new Bench.VerificationException(what + " failed (exit " + this.exitCode
						+ (this.marked ? "" : ", no marker line") + "):\n" + this.tail);
			}
		}

	}

}
