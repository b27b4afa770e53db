package org.redress.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between the gateway and a server (PostgreSQL, IMAP) that a test can cut: {@link #cut()} drops every open
 * connection and refuses new ones, as a restarting database or a mail server dropping its clients does, and
 * {@link #restore()} accepts again. Nothing is mocked: the bytes are the real protocol's.
 */
public final class FlakyProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile boolean closed;

    public FlakyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.port = FreePorts.next();
        listen();
    }

    public int port() {
        return port;
    }

    /** How many connections the gateway has opened through the relay so far. */
    public int connections() {
        return connections.get();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Drops every open connection but keeps listening: the client must log in again, at once. */
    public synchronized void dropConnections() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    public synchronized void restore() throws IOException {
        if (listener == null && !closed) {
            listen();
        }
    }

    private void listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = server;
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    synchronized (FlakyProxy.this) {
                        if (listener != server) {
                            // cut() ran while this connection was being set up: it must not outlive the cut
                            client.close();
                            upstream.close();
                            continue;
                        }
                        open.add(client);
                        open.add(upstream);
                    }
                    connections.incrementAndGet();
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException stopped) {
                    // the listener was closed by cut() or close()
                }
            }
        }, "flaky-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException dropped) {
                // cut, or one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
                open.remove(from);
                open.remove(to);
            }
        }, "flaky-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        cut();
    }
}
