package dev.strata.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast, quiet, Testcontainers-free check that some Docker engine might answer, done
 * before any Testcontainers class is loaded: Testcontainers' own detection tries several
 * strategies and logs errors at length when there is no engine (a docker CLI without an
 * engine is common here). Only when an engine answers a ping here is Testcontainers
 * asked.
 */
final class DockerProbe {

	private static final int TIMEOUT_MILLIS = 1000;

	private DockerProbe() {
	}

	static boolean engineAnswers() {
		String dockerHost = System.getenv("DOCKER_HOST");
		if (dockerHost != null && !dockerHost.isBlank()) {
			return ping(dockerHost.strip());
		}
		for (Path socket : candidateSockets()) {
			if (Files.exists(socket) && ping("unix://" + socket)) {
				return true;
			}
		}
		return false;
	}

	private static List<Path> candidateSockets() {
		List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock")));
		String home = System.getProperty("user.home");
		if (home != null) {
			sockets.add(Path.of(home, ".docker", "run", "docker.sock"));
			sockets.add(Path.of(home, ".docker", "desktop", "docker.sock"));
			sockets.add(Path.of(home, ".colima", "default", "docker.sock"));
			sockets.add(Path.of(home, ".rd", "docker.sock"));
		}
		String runtime = System.getenv("XDG_RUNTIME_DIR");
		if (runtime != null) {
			sockets.add(Path.of(runtime, "docker.sock"));
			sockets.add(Path.of(runtime, "podman", "podman.sock"));
		}
		return sockets;
	}

	private static boolean ping(String host) {
		try {
			if (host.startsWith("unix://")) {
				return pingUnix(Path.of(host.substring("unix://".length())));
			}
			if (host.startsWith("tcp://")) {
				URI uri = URI.create(host);
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
					return true; // TLS or not, something listens; let Testcontainers
									// decide
				}
			}
			return true; // unknown scheme (npipe, ssh): let Testcontainers decide
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private static boolean pingUnix(Path socket) throws IOException {
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(socket));
			channel.write(
					ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
			channel.configureBlocking(false);
			ByteBuffer reply = ByteBuffer.allocate(64);
			long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
			while (reply.position() < 8 && System.nanoTime() < deadline) {
				if (channel.read(reply) < 0) {
					break;
				}
				if (reply.position() < 8) {
					Thread.sleep(10);
				}
			}
			return new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII).startsWith("HTTP/1.");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
