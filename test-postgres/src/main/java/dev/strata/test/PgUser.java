package dev.strata.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The operating-system account that runs the embedded PostgreSQL binaries.
 *
 * <p>
 * initdb and postgres refuse to run as root ("cannot be run as root"), and the developer
 * and CI machines run as root. zonky's {@code EmbeddedPostgres} 2.2.2 copes only where
 * user namespaces are allowed: as root it prefixes its commands with {@code unshare -U}
 * when a probe of that succeeds (it does on this workplace's machines), and otherwise
 * fails. User namespaces are blocked by Docker's default seccomp profile, by
 * {@code kernel.unprivileged_userns_clone=0} and by Ubuntu's AppArmor userns restriction,
 * so Strata does not rely on them: it launches the extracted binaries itself and, when
 * the JVM runs as root, drops to an unprivileged account for each tool with
 * {@code setpriv --reuid --regid --clear-groups} (util-linux, on every mainstream
 * distribution; {@code runuser} as a fallback), which works wherever root may change uid.
 *
 * <p>
 * The account is the owner of an existing data directory if that is not root, else
 * {@code nobody} (override with the system property {@code strata.test.embedded-user}).
 * The data directory is chowned to it, and every directory on the way to it must be
 * searchable by others (checked, with a clear message). When the JVM does not run as root
 * the binaries simply run as the current user.
 */
final class PgUser {

	private static final PgUser CURRENT = new PgUser(null, -1, -1, List.of());

	private final String name;

	private final int uid;

	private final int gid;

	private final List<String> prefix;

	private PgUser(String name, int uid, int gid, List<String> prefix) {
		this.name = name;
		this.uid = uid;
		this.gid = gid;
		this.prefix = prefix;
	}

	/**
	 * The account to run the binaries as, for a data directory that may or may not exist
	 * yet.
	 */
	static PgUser forDataDirectory(Path dataDirectory) {
		if (!runningAsRoot()) {
			return CURRENT;
		}
		String account = System.getProperty("strata.test.embedded-user");
		if (account == null && Files.isDirectory(dataDirectory)) {
			int owner = unixAttribute(dataDirectory, "uid");
			if (owner > 0) {
				return switchTo(String.valueOf(owner), owner, unixAttribute(dataDirectory, "gid"));
			}
		}
		String wanted = account == null ? "nobody" : account;
		int[] ids = PasswdFile.lookup(wanted);
		if (ids == null) {
			throw new IllegalStateException("Running as root, but there is no account '" + wanted
					+ "' to run PostgreSQL as; set -Dstrata.test.embedded-user=<unprivileged user>");
		}
		return switchTo(wanted, ids[0], ids[1]);
	}

	private static PgUser switchTo(String name, int uid, int gid) {
		if (onPath("setpriv")) {
			return new PgUser(name, uid, gid,
					List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
		}
		if (onPath("runuser")) {
			return new PgUser(name, uid, gid, List.of("runuser", "-u", name, "--"));
		}
		throw new IllegalStateException("Running as root: PostgreSQL must run as an unprivileged user, "
				+ "but neither setpriv nor runuser (util-linux) is installed");
	}

	static boolean runningAsRoot() {
		// The effective uid from /proc/self/status ("Uid: real effective saved fs"); the
		// owner of /proc/self
		// is not reliable (it reads as root for processes that are not dumpable).
		try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
			return lines.filter(line -> line.startsWith("Uid:"))
				.map(line -> line.substring(4).strip().split("\\s+")[1])
				.findFirst()
				.map("0"::equals)
				.orElseThrow();
		}
		catch (IOException | RuntimeException e) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	/** The command words to put before a tool's command line. */
	List<String> commandPrefix() {
		return prefix;
	}

	String describe() {
		return name == null ? "the current user" : "user " + name + " (uid " + uid + ")";
	}

	/**
	 * Gives a directory tree this account owns to it (no-op when running as the current
	 * user).
	 */
	void handOver(Path directory) {
		if (name == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				if (unixAttribute(path, "uid") != uid || unixAttribute(path, "gid") != gid) {
					Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
					Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not give " + directory + " to " + describe(), e);
		}
		checkReachable(directory.toAbsolutePath().getParent());
	}

	/**
	 * Fails clearly when the account cannot even reach the directory (e.g. a data dir
	 * under /root).
	 */
	void checkReachable(Path directory) {
		Path blocking = firstUnsearchable(directory);
		if (blocking != null) {
			throw new IllegalStateException("PostgreSQL runs as " + describe() + " (it refuses root), but " + blocking
					+ " is not searchable by that user: choose a directory outside it (or chmod o+x " + blocking + ")");
		}
	}

	/** Whether the account can enter every directory on the way to this one. */
	boolean canReach(Path directory) {
		return firstUnsearchable(directory) == null;
	}

	/** Whether this is another account than the JVM's (the JVM runs as root). */
	boolean isOtherThanCurrent() {
		return name != null;
	}

	private Path firstUnsearchable(Path directory) {
		if (name == null || directory == null) {
			return null;
		}
		for (Path p = directory.toAbsolutePath(); p != null; p = p.getParent()) {
			if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
				continue;
			}
			try {
				Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
				boolean owned = unixAttribute(p, "uid") == uid;
				if (!perms.contains(owned ? PosixFilePermission.OWNER_EXECUTE : PosixFilePermission.OTHERS_EXECUTE)) {
					return p;
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return null;
	}

	private static int unixAttribute(Path path, String attribute) {
		try {
			return (Integer) Files.getAttribute(path, "unix:" + attribute, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException | UnsupportedOperationException e) {
			throw new IllegalStateException("Cannot read the owner of " + path, e);
		}
	}

	private static boolean onPath(String tool) {
		String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
		return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"))
			.filter(dir -> !dir.isEmpty())
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
	}

	/** Minimal reader of /etc/passwd: name to uid and primary gid. */
	static final class PasswdFile {

		private PasswdFile() {
		}

		static int[] lookup(String account) {
			try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
				return lines.map(line -> line.split(":"))
					.filter(f -> f.length >= 4 && (f[0].equals(account) || f[2].equals(account)))
					.map(f -> new int[] { Integer.parseInt(f[2]), Integer.parseInt(f[3]) })
					.findFirst()
					.orElse(null);
			}
			catch (IOException | NumberFormatException e) {
				return null;
			}
		}

	}

}
