package org.redress.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay in front of a real SMTP server (GreenMail) that refuses a mail while {@code limit} others are being submitted,
 * with the answer Exchange Online gives beyond its three concurrent submissions per mailbox
 * ({@code 432 4.3.2 Concurrent connections limit exceeded}). GreenMail has no such limit; everything else, the mail
 * included, is the real server's. A mail counts from its accepted {@code MAIL FROM} to the end of its data, which the
 * relay holds for {@code holdMillis} as a busy server does, so that submissions overlap.
 */
public final class SubmissionLimitRelay implements AutoCloseable {
    public static final String REFUSAL = "432 4.3.2 Concurrent connections limit exceeded. "
            + "Visit https://aka.ms/concurrent_sending for more information.";

    private final int targetPort;
    private final int limit;
    private final long holdMillis;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger submitting = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();

    public SubmissionLimitRelay(int targetPort, int limit, long holdMillis) throws IOException {
        this.targetPort = targetPort;
        this.limit = limit;
        this.holdMillis = holdMillis;
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePorts.next()));
        Thread acceptor = new Thread(this::accept, "submission-limit-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many mails were refused with {@link #REFUSAL}. */
    public int refusals() {
        return refusals.get();
    }

    /** The most mails ever accepted for submission at the same time. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                Thread toClient = new Thread(() -> pump(server, client), "relay-to-client");
                toClient.setDaemon(true);
                toClient.start();
                Thread toServer = new Thread(() -> commands(client, server), "relay-to-server");
                toServer.setDaemon(true);
                toServer.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The client's side, line by line: every line goes on to the server except a MAIL FROM over the limit. */
    private void commands(Socket client, Socket server) {
        boolean inMail = false;
        boolean inData = false;
        try (client; server) {
            InputStream in = new java.io.BufferedInputStream(client.getInputStream());
            OutputStream toServer = server.getOutputStream();
            OutputStream toClient = client.getOutputStream();
            for (byte[] line = readLine(in); line != null; line = readLine(in)) {
                String text = new String(line, StandardCharsets.US_ASCII).trim().toUpperCase(java.util.Locale.ROOT);
                if (inData) {
                    if (text.equals(".")) {
                        sleep(holdMillis);
                        inData = false;
                        inMail = false;
                        submitting.decrementAndGet();
                    }
                } else if (text.startsWith("MAIL FROM")) {
                    int now = submitting.incrementAndGet();
                    if (now > limit) {
                        submitting.decrementAndGet();
                        refusals.incrementAndGet();
                        toClient.write((REFUSAL + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        toClient.flush();
                        continue;
                    }
                    mostAtOnce.accumulateAndGet(now, Math::max);
                    inMail = true;
                } else if (text.equals("DATA") && inMail) {
                    inData = true;
                } else if ((text.equals("RSET") || text.equals("QUIT")) && inMail) {
                    inMail = false;
                    submitting.decrementAndGet();
                }
                toServer.write(line);
                toServer.flush();
            }
        } catch (IOException e) {
            // a side closed: so does the other
        } finally {
            if (inMail) {
                submitting.decrementAndGet();
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // a side closed: so does the other
        }
    }

    /** One line with its CRLF, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
