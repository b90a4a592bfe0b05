package dev.strata.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Database addresses that cannot be reached, each in its own way, without a network: a
 * closed local port (refused), a local port whose accept queue is full so the kernel
 * drops further connection attempts (a genuine connect timeout, like a firewall that
 * drops packets), and a name that never resolves.
 */
public final class Unreachable {

	/** Never resolves: {@code .invalid} is reserved (RFC 2606). */
	public static final String UNRESOLVABLE_HOST = "no-such-host.invalid";

	private Unreachable() {
	}

	/** A local port nothing listens on. */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A local port that accepts no more connections: its accept queue is full and never
	 * drained, so the kernel drops further SYNs and a connect times out. Close it after
	 * the test.
	 */
	public static final class BlackHole implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> queued = new ArrayList<>();

		public BlackHole() {
			try {
				this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				// Fill the queue until a connect times out: from then on, every one does.
				for (int i = 0; i < 16; i++) {
					Socket socket = new Socket();
					try {
						socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 300);
						this.queued.add(socket);
					}
					catch (SocketTimeoutException ex) {
						socket.close();
						return;
					}
				}
				throw new IllegalStateException("the accept queue of port " + port() + " never filled up");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		public int port() {
			return this.server.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			for (Socket socket : this.queued) {
				socket.close();
			}
			this.server.close();
		}

	}

}
