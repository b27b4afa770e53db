package org.redress.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.bench.ArrivalWatcher.Tracked;
import org.redress.bench.ComplaintMix.BenchMail;

/**
 * What one poll costs when the inbox already holds 0, 10,000 or 100,000 processed messages. A gateway that asks
 * the server only for what is new (by UID, or by the unseen flag the server indexes) polls a full mailbox as cheaply
 * as an empty one; one that lists, fetches flags of, or re-reads the mailbox pays per message on every poll, which
 * no small test ever shows. Measured two ways while the gateway sits idle on a Dovecot mailbox: the gateway
 * process's CPU seconds per second, and its own {@code redress.inbox.poll} timer ({@code GET /q/metrics}, count and
 * sum, so the mean poll duration) when it has one. Then new mail is written into the biggest mailbox and must all
 * be ticketed and acknowledged: a cheap poll that misses new mail is no good either.
 */
final class PollCost {
    static final String INBOX = "complaints";
    private static final Pattern METRIC = Pattern.compile(
            "(?m)^redress_inbox_poll_seconds_(count|sum)\\{([^}]*)}\\s+(\\S+)");

    /** One mailbox size: how it was made, and what the idle gateway spent on it. */
    record Size(int messages, double fillSeconds, double dovecotIndexSeconds, double idleSeconds,
                double cpuSecondsPerSecond, Double polls, Double meanPollMs, String metric) {
    }

    /** The new mail written into the biggest mailbox, and how long until every one was acknowledged. */
    record NewMail(int mailbox, int delivered, int acknowledged, int ticketsOpened, double seconds,
                   Percentiles latencyMs, String stopReason) {
    }

    record Result(boolean ran, String skipped, String dovecot, String pollInterval, List<Size> sizes,
                  NewMail newMail, List<String> notes) {
    }

    private final BenchSettings bench;
    private final ComplaintMix mix;
    private final Path work;

    PollCost(BenchSettings bench, ComplaintMix mix, Path work) {
        this.bench = bench;
        this.mix = mix;
        this.work = work;
    }

    Result run() throws Exception {
        String interval = bench.effectivePollInterval();
        Optional<String> missing = DovecotPeer.unavailable();
        if (missing.isPresent()) {
            System.out.println("bench: poll cost skipped — " + missing.get());
            return new Result(false, missing.get(), null, interval, List.of(), null, List.of());
        }
        List<String> users = new ArrayList<>();
        for (int size : bench.pollSizes()) {
            users.add("poll" + size + "@lumiere.example");
        }
        List<Size> sizes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        NewMail newMail = null;
        try (DovecotPeer dovecot = DovecotPeer.start(users, "bench-poll")) {
            int biggest = bench.pollSizes().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (int i = 0; i < users.size(); i++) {
                int size = bench.pollSizes().get(i);
                String user = users.get(i);
                dovecot.login(user);
                System.out.printf(Locale.ROOT, "bench: poll cost — filling a Dovecot mailbox with %,d seen messages%n",
                        size);
                double fill = dovecot.fillSeen(user, size, PollCost::oldMail);
                double index = dovecot.select(user);
                Map<String, String> inbox = new LinkedHashMap<>();
                inbox.put("redress.inbox." + INBOX + ".host", "127.0.0.1");
                inbox.put("redress.inbox." + INBOX + ".port", String.valueOf(dovecot.port()));
                inbox.put("redress.inbox." + INBOX + ".user", user);
                inbox.put("redress.inbox." + INBOX + ".password", dovecot.password());
                try (GatewayRun run = GatewayRun.start("poll-" + size, bench, Map.of(), bench.gatewayHeap(), work,
                        inbox)) {
                    // let the first polls (connection, folder opening) pass before the idle window
                    Thread.sleep(5_000);
                    double cpu0 = run.gateway.stats().cpuSeconds();
                    double[] metric0 = pollMetric(run.gateway.metrics());
                    long t0 = System.nanoTime();
                    Thread.sleep(bench.pollIdleSeconds() * 1000L);
                    double cpu1 = run.gateway.stats().cpuSeconds();
                    double[] metric1 = pollMetric(run.gateway.metrics());
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    Double polls = null;
                    Double mean = null;
                    String metric = "n/a: the gateway has no redress_inbox_poll_seconds{inbox=\"" + INBOX + "\"} at "
                            + "/q/metrics";
                    if (metric0 != null && metric1 != null) {
                        polls = metric1[0] - metric0[0];
                        mean = polls > 0 ? (metric1[1] - metric0[1]) / polls * 1000 : null;
                        metric = "redress_inbox_poll_seconds{inbox=\"" + INBOX + "\"}";
                    }
                    sizes.add(new Size(size, fill, index, seconds, (cpu1 - cpu0) / seconds, polls, mean, metric));
                    System.out.printf(Locale.ROOT, "bench: poll cost at %,d messages: %.4f CPU s/s idle, mean poll %s%n",
                            size, (cpu1 - cpu0) / seconds, mean == null ? "n/a" : String.format(Locale.ROOT, "%.2f ms",
                                    mean));
                    if (size == biggest && bench.pollNewMail() > 0) {
                        newMail = newMail(run, dovecot, user, size);
                    }
                }
            }
            notes.add("Dovecot " + dovecot.version() + ", Maildir on local disk, loopback; mailbox filled by writing "
                    + "files into cur/ flagged seen, then indexed by one SELECT before the gateway started");
            return new Result(true, null, dovecot.version(), interval, sizes, newMail, notes);
        }
    }

    private NewMail newMail(GatewayRun run, DovecotPeer dovecot, String user, int size) throws Exception {
        List<BenchMail> mails = mix.complaints("new", bench.pollNewMail());
        List<Tracked> tracked = run.watcher.expect(mails);
        int ticketsBefore = run.sandbox.jira().issueKeys().size();
        long start = System.nanoTime();
        for (BenchMail mail : mails) {
            dovecot.deliverNew(user, mail.raw());
            run.watcher.delivered(mail, System.nanoTime());
        }
        Duration deadline = bench.deadlineFor(mails.size(), Duration.ZERO);
        String stop = null;
        while (tracked.stream().anyMatch(t -> !t.done())) {
            if (!run.gateway.alive()) {
                stop = "the gateway exited";
                break;
            }
            if (System.nanoTime() - start > deadline.toNanos()) {
                stop = "deadline after " + deadline.toSeconds() + " s";
                break;
            }
            Thread.sleep(50);
        }
        long last = tracked.stream().filter(Tracked::done).mapToLong(t -> t.doneAt).max().orElse(System.nanoTime());
        List<Long> latencies = tracked.stream().filter(Tracked::done).map(Tracked::latencyNanos).toList();
        int acknowledged = (int) tracked.stream().filter(Tracked::done).count();
        return new NewMail(size, mails.size(), acknowledged, run.sandbox.jira().issueKeys().size() - ticketsBefore,
                (last - start) / 1e9, Percentiles.ofNanos(latencies), stop);
    }

    /** [count, sum] of the inbox's poll timer, or null when the gateway does not publish it. */
    static double[] pollMetric(String prometheus) {
        if (prometheus == null) {
            return null;
        }
        Double count = null;
        Double sum = null;
        Matcher line = METRIC.matcher(prometheus);
        while (line.find()) {
            if (!line.group(2).contains("inbox=\"" + INBOX + "\"")) {
                continue;
            }
            double value = Double.parseDouble(line.group(3));
            if (line.group(1).equals("count")) {
                count = value;
            } else {
                sum = value;
            }
        }
        return count == null || sum == null ? null : new double[] {count, sum};
    }

    /** A complaint handled long ago, about 1 KB, as a mail server stored it. */
    static byte[] oldMail(int i) {
        String language = ComplaintTexts.LANGUAGES.get(i % ComplaintTexts.LANGUAGES.size());
        ComplaintTexts.Language words = ComplaintTexts.BY_CODE.get(language);
        ComplaintTexts.Template template = words.complaints().get(i % words.complaints().size());
        String name = words.names().get(i % words.names().size());
        String product = words.products().get(i % words.products().size());
        String order = String.format(Locale.ROOT, "LM-2025-%06d", i);
        String amount = String.format(Locale.ROOT, words.currencyFormat(), 20 + i % 400, i % 100);
        String subject = template.subject().replace("{order}", order).replace("{product}", product);
        String body = template.body().replace("{name}", name).replace("{order}", order).replace("{amount}", amount)
                .replace("{product}", product);
        String mail = "Return-Path: <customer" + i + "@example.org>\r\n"
                + "Delivered-To: complaints@lumiere.example\r\n"
                + "From: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8))
                + "?= <customer" + i + "@example.org>\r\n"
                + "To: complaints@lumiere.example\r\n"
                + "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + "?=\r\n"
                + "Date: Mon, 02 Mar 2026 09:" + String.format(Locale.ROOT, "%02d", i % 60) + ":00 +0100\r\n"
                + "Message-ID: <old." + i + "@example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                + "\r\n" + body.replace("\n", "\r\n") + "\r\n";
        return mail.getBytes(StandardCharsets.UTF_8);
    }
}
