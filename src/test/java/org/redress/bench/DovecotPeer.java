package org.redress.bench;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.redress.testing.FreePorts;

/**
 * A production IMAP server on loopback for the poll-cost phase: Debian's Dovecot serving Maildir, configured as in
 * {@code ../shared/notes/dovecot.md}. GreenMail slows superlinearly with the size of a mailbox (a per-message fetch
 * over 5,000 messages did not finish in 15 minutes), so it cannot tell whether the gateway's poll cost grows with
 * the mailbox; Dovecot can. A mailbox is filled by writing Maildir files directly (100,000 in seconds, instead of
 * delivering them), already flagged seen ({@code :2,S} in {@code cur/}), as mail the gateway handled long ago.
 *
 * <p>Needs {@code dovecot} on the PATH and root (Dovecot starts as root and serves mail as a system user); without
 * them the phase is skipped with a message saying how to install it.
 */
final class DovecotPeer implements AutoCloseable {
    static final String INSTALL = "apt-get update && apt-get install -y dovecot-imapd";
    static final String SYSTEM_USER = "testmail";
    private static final AtomicLong UNIQUE = new AtomicLong();

    private final Path dir;
    private final Path config;
    private final int port;
    private final String password;

    private DovecotPeer(Path dir, Path config, int port, String password) {
        this.dir = dir;
        this.config = config;
        this.port = port;
        this.password = password;
    }

    /** Why Dovecot cannot run here, or empty when it can. */
    static Optional<String> unavailable() {
        if (!onPath("dovecot") || !onPath("doveadm")) {
            return Optional.of("dovecot is not installed: " + INSTALL);
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("Dovecot must be started as root (it serves mail as the system user '" + SYSTEM_USER
                    + "'); run the benchmark as root, or skip the phase with -Dbench.phases=...");
        }
        return Optional.empty();
    }

    /** Starts Dovecot on a free loopback port with a passwd-file holding {@code users}, all with one password. */
    static DovecotPeer start(List<String> users, String password) throws Exception {
        Path dir = Files.createTempDirectory("redress-bench-dovecot-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("mail"));
        Files.createDirectories(dir.resolve("run"));
        run(List.of("sh", "-c", "id -u " + SYSTEM_USER + " >/dev/null 2>&1 || " + binary("useradd") + " -r -M -d "
                + dir.resolve("mail") + " " + SYSTEM_USER));
        String uid = run(List.of("id", "-u", SYSTEM_USER)).trim();
        String gid = run(List.of("id", "-g", SYSTEM_USER)).trim();
        int port = FreePorts.next();
        Path config = dir.resolve("dovecot.conf");
        Files.writeString(config, String.join("\n",
                "protocols = imap",
                "listen = 127.0.0.1",
                "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("run"),
                "log_path = " + dir.resolve("dovecot.log"),
                "ssl = no",
                "disable_plaintext_auth = no",
                "auth_mechanisms = plain login",
                "mail_location = maildir:" + dir.resolve("mail") + "/%u",
                "default_login_user = dovenull",
                "default_internal_user = dovecot",
                "first_valid_uid = " + uid,
                "passdb {",
                "  driver = passwd-file",
                "  args = scheme=PLAIN username_format=%u " + dir.resolve("users"),
                "}",
                "userdb {",
                "  driver = static",
                "  args = uid=" + uid + " gid=" + gid + " home=" + dir.resolve("mail") + "/%u",
                "}",
                "service imap-login {",
                "  inet_listener imap {",
                "    address = 127.0.0.1",
                "    port = " + port,
                "  }",
                "}",
                ""));
        StringBuilder passwd = new StringBuilder();
        for (String user : users) {
            passwd.append(user).append(":{PLAIN}").append(password).append('\n');
        }
        Files.writeString(dir.resolve("users"), passwd);
        run(List.of("chown", "-R", SYSTEM_USER + ":", dir.resolve("mail").toString()));
        run(List.of(binary("dovecot"), "-c", config.toString()));
        DovecotPeer peer = new DovecotPeer(dir, config, port, password);
        Cleanup.register(peer, peer::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return peer;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    peer.close();
                    throw new IllegalStateException("Dovecot did not listen on " + port + ": "
                            + Files.readString(dir.resolve("dovecot.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    /** Logs in once, which makes the user's Maildir. */
    void login(String user) throws Exception {
        select(user);
    }

    /**
     * Opens the user's INBOX over IMAP and counts it: the first time after the mailbox was filled, Dovecot reads the
     * new files into its index here, not in the gateway's first poll. Read-write, as the gateway opens it. Seen
     * after a read-only first look ({@code EXAMINE}): the first gateway's looks at a just-filled 100,000-message
     * mailbox cost 11 and 37 % more than at the empty one, in every window of its session; the later gateways' did
     * not, and after a read-write first look neither did the first (BENCHMARKS.md, "Where the gateway's CPU goes,
     * beside the limit's"). Returns the seconds it took.
     */
    double select(String user) throws Exception {
        long start = System.nanoTime();
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessageCount();
            inbox.close(false);
        } finally {
            store.close();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Writes {@code count} messages straight into the user's Maildir {@code cur/}, flagged seen ({@code :2,S}), as
     * mail handled long ago; returns the seconds it took.
     */
    double fillSeen(String user, int count, IntFunction<byte[]> message) throws Exception {
        long start = System.nanoTime();
        Path cur = maildir(user).resolve("cur");
        Files.createDirectories(cur);
        long time = System.currentTimeMillis() / 1000 - 86_400L * 30;
        for (int i = 0; i < count; i++) {
            byte[] raw = message.apply(i);
            String file = (time + i / 100) + ".M" + i + "P" + ProcessHandle.current().pid() + ".bench,S=" + raw.length
                    + ":2,S";
            Files.write(cur.resolve(file), raw);
        }
        run(List.of("chown", "-R", SYSTEM_USER + ":", maildir(user).toString()));
        // as a mailbox last written to a month ago: Dovecot scans a Maildir folder again when its last look at it
        // came within a second of the folder's last change (MAILDIR_SYNC_SECS), and the looks of the first minute on
        // a 100,000-file folder just written cost 2-4x the empty mailbox's (BENCHMARKS.md, "Poll cost in one process")
        FileTime old = FileTime.from(time, TimeUnit.SECONDS);
        for (String folder : List.of("cur", "new", "tmp")) {
            Path dir = maildir(user).resolve(folder);
            if (Files.isDirectory(dir)) {
                Files.setLastModifiedTime(dir, old);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Delivers one message as a mail server's delivery agent does: written in {@code tmp/}, handed to the mail user,
     * moved into {@code new/} in one rename.
     */
    void deliverNew(String user, byte[] raw) throws IOException {
        Path maildir = maildir(user);
        String file = (System.currentTimeMillis() / 1000) + ".M" + UNIQUE.incrementAndGet() + "P"
                + ProcessHandle.current().pid() + ".bench,S=" + raw.length;
        Path tmp = Files.createDirectories(maildir.resolve("tmp")).resolve(file);
        Files.write(tmp, raw);
        Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setOwner(mailUser());
        Files.move(tmp, Files.createDirectories(maildir.resolve("new")).resolve(file), StandardCopyOption.ATOMIC_MOVE);
    }

    private static UserPrincipal mailUser() throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(SYSTEM_USER);
    }

    Path maildir(String user) {
        return dir.resolve("mail").resolve(user);
    }

    String version() {
        try {
            return run(List.of(binary("dovecot"), "--version")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        Cleanup.done(this);
        try {
            run(List.of(binary("doveadm"), "-c", config.toString(), "stop"));
        } catch (Exception e) {
            System.err.println("bench: could not stop Dovecot (" + config + "): " + e.getMessage());
        }
        try {
            run(List.of("rm", "-rf", dir.toString()));
        } catch (Exception e) {
            System.err.println("bench: could not remove " + dir + ": " + e.getMessage());
        }
    }

    private static boolean onPath(String command) {
        return !binary(command).equals(command);
    }

    /** The command's full path: on the PATH, or in /usr/sbin where Debian puts Dovecot (not on every PATH). */
    private static String binary(String command) {
        for (String entry : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, command))) {
                return Path.of(entry, command).toString();
            }
        }
        return command;
    }

    /**
     * Runs a command and returns its output, read from a file: {@code dovecot} forks its daemon, which keeps the
     * output it inherited open, so reading a pipe to its end would wait as long as Dovecot runs.
     */
    private static String run(List<String> command) throws Exception {
        Path output = Files.createTempFile("redress-bench-command-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            String out = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
