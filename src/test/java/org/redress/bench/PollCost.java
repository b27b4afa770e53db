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
 * no small test ever shows. Measured by the gateway's own {@code redress.inbox.poll} timer ({@code GET /q/metrics},
 * count and sum per inbox, so the mean poll duration) while it sits idle on Dovecot mailboxes.
 *
 * <p>One gateway watches every size at once, each size in an inbox of its own, so sizes are compared inside one
 * process over the same seconds: when each size had a process of its own, the empty mailbox's mean poll moved
 * between processes (0.93–1.72 ms) by more than the 10 % the target allows. The sizes then rotate through the inboxes,
 * one gateway process per round, until each size has been in each inbox once, so neither an inbox nor a process
 * favours one size. Then new mail is written into the biggest mailbox and must all be ticketed and acknowledged: a
 * cheap poll that misses new mail is no good either.
 */
final class PollCost {
    /** The shipped configuration's inboxes, the sizes' places in turn. */
    static final List<String> INBOXES = List.of("reclamations", "reclami", "complaints");
    static final String POLL_TIMER = "redress_inbox_poll_seconds";
    static final String POLL_CPU_TIMER = "redress_inbox_poll_cpu_seconds";
    static final String SWEEP_TIMER = "redress_inbox_sweep_seconds";
    /** How often the timer is read during an idle window, for each window's mean poll. */
    private static final long WINDOW_MILLIS = 2_000;
    private static final Pattern INBOX_LABEL = Pattern.compile("inbox=\"([^\"]*)\"");

    /**
     * One size in one round: the inbox that held it, its polls over the idle window (their duration, and the
     * gateway's own CPU time in them), and its sweeps (the whole folder searched for unseen mail every 5 s, timed
     * apart).
     */
    record Reading(int round, String inbox, double polls, Double meanPollMs, Double meanPollCpuMs,
                   List<Double> windowMeansMs, double sweeps, Double meanSweepMs) {
    }

    /**
     * One mailbox size: how it was made, and its polls in every round, pooled: their mean, and the median of the
     * mean polls of its 2-second windows, which a burst of the machine's other work in a few windows does not move.
     */
    record Size(int messages, double fillSeconds, double dovecotIndexSeconds, List<Reading> readings, Double polls,
                Double meanPollMs, Double windowMedianMs, Double meanPollCpuMs, Double sweeps, Double meanSweepMs) {
    }

    /** One gateway process: which size each inbox held, and the whole idle process's CPU. */
    record Round(int round, Map<String, Integer> messagesByInbox, double idleSeconds, double cpuSecondsPerSecond) {
    }

    /** The new mail written into the biggest mailbox, and how long until every one was acknowledged. */
    record NewMail(int mailbox, int delivered, int acknowledged, int ticketsOpened, double seconds,
                   Percentiles latencyMs, String stopReason) {
    }

    record Result(boolean ran, String skipped, String dovecot, String pollInterval, List<Size> sizes,
                  List<Round> rounds, NewMail newMail, List<String> notes) {
        /** The ratio of the two sizes' mean polls in each round: one process, the same seconds. */
        List<Double> ratiosByRound(int size, int base) {
            List<Double> ratios = new ArrayList<>();
            Size of = size(size);
            Size to = size(base);
            if (of == null || to == null) {
                return ratios;
            }
            for (Reading r : of.readings()) {
                to.readings().stream().filter(b -> b.round() == r.round()).findFirst()
                        .filter(b -> b.meanPollMs() != null && r.meanPollMs() != null)
                        .ifPresent(b -> ratios.add(r.meanPollMs() / b.meanPollMs()));
            }
            return ratios;
        }

        Size size(int messages) {
            return sizes.stream().filter(s -> s.messages() == messages).findFirst().orElse(null);
        }
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
            return new Result(false, missing.get(), null, interval, List.of(), List.of(), null, List.of());
        }
        List<Integer> sizes = bench.pollSizes();
        List<String> users = new ArrayList<>();
        for (int size : sizes) {
            users.add("poll" + size + "@lumiere.example");
        }
        List<Round> rounds = new ArrayList<>();
        List<List<Reading>> readings = new ArrayList<>();
        double[] fills = new double[sizes.size()];
        double[] indexing = new double[sizes.size()];
        NewMail newMail = null;
        try (DovecotPeer dovecot = DovecotPeer.start(users, "bench-poll")) {
            for (int i = 0; i < sizes.size(); i++) {
                dovecot.login(users.get(i));
                System.out.printf(Locale.ROOT, "bench: poll cost — filling a Dovecot mailbox with %,d seen messages%n",
                        sizes.get(i));
                fills[i] = dovecot.fillSeen(users.get(i), sizes.get(i), PollCost::oldMail);
                indexing[i] = dovecot.select(users.get(i));
                readings.add(new ArrayList<>());
            }
            int biggest = sizes.indexOf(sizes.stream().max(Integer::compare).orElseThrow());
            for (int round = 0; round < sizes.size(); round++) {
                Map<String, String> inboxes = new LinkedHashMap<>();
                Map<String, Integer> placed = new LinkedHashMap<>();
                for (int i = 0; i < sizes.size(); i++) {
                    String inbox = inboxOf(i, round, sizes.size());
                    inboxes.put("redress.inbox." + inbox + ".host", "127.0.0.1");
                    inboxes.put("redress.inbox." + inbox + ".port", String.valueOf(dovecot.port()));
                    inboxes.put("redress.inbox." + inbox + ".user", users.get(i));
                    inboxes.put("redress.inbox." + inbox + ".password", dovecot.password());
                    placed.put(inbox, sizes.get(i));
                }
                try (GatewayRun run = GatewayRun.start("poll-" + (round + 1), bench, Map.of(), bench.gatewayHeap(),
                        work, inboxes)) {
                    // let the first polls (connection, folder opening) pass before the idle window
                    Thread.sleep(5_000);
                    double cpu0 = run.gateway.stats().cpuSeconds();
                    long t0 = System.nanoTime();
                    List<String> scrapes = new ArrayList<>();
                    scrapes.add(run.gateway.metrics());
                    long end = t0 + bench.pollIdleSeconds() * 1_000_000_000L;
                    while (System.nanoTime() < end) {
                        Thread.sleep(Math.min(WINDOW_MILLIS, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                        scrapes.add(run.gateway.metrics());
                    }
                    double cpu1 = run.gateway.stats().cpuSeconds();
                    List<Map<String, double[]>> windows = scrapes.stream().map(m -> timers(m, POLL_TIMER)).toList();
                    Map<String, double[]> cpu0s = timers(scrapes.get(0), POLL_CPU_TIMER);
                    Map<String, double[]> cpu1s = timers(scrapes.get(scrapes.size() - 1), POLL_CPU_TIMER);
                    Map<String, double[]> sweeps0 = timers(scrapes.get(0), SWEEP_TIMER);
                    Map<String, double[]> sweeps1 = timers(scrapes.get(scrapes.size() - 1), SWEEP_TIMER);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    rounds.add(new Round(round + 1, placed, seconds, (cpu1 - cpu0) / seconds));
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < sizes.size(); i++) {
                        String inbox = inboxOf(i, round, sizes.size());
                        double[] sweeps = increase(sweeps0.get(inbox), sweeps1.get(inbox));
                        Reading reading = reading(round + 1, inbox, windows.get(0).get(inbox),
                                windows.get(windows.size() - 1).get(inbox),
                                increase(cpu0s.get(inbox), cpu1s.get(inbox)), windowMeans(windows, inbox), sweeps);
                        readings.get(i).add(reading);
                        line.append(String.format(Locale.ROOT, "; %,d in %s: %s", sizes.get(i), inbox,
                                reading.meanPollMs() == null ? "n/a" : String.format(Locale.ROOT, "%.2f ms",
                                        reading.meanPollMs())));
                    }
                    System.out.printf(Locale.ROOT, "bench: poll cost round %d: %.4f CPU s/s idle%s%n", round + 1,
                            (cpu1 - cpu0) / seconds, line);
                    if (round == sizes.size() - 1 && bench.pollNewMail() > 0) {
                        newMail = newMail(run, dovecot, users.get(biggest), sizes.get(biggest));
                    }
                }
            }
            List<Size> measured = new ArrayList<>();
            for (int i = 0; i < sizes.size(); i++) {
                measured.add(pooled(sizes.get(i), fills[i], indexing[i], readings.get(i)));
            }
            List<String> notes = List.of("Dovecot " + dovecot.version() + ", Maildir on local disk, loopback; mailboxes "
                    + "filled by writing files into cur/ flagged seen, then indexed by one SELECT before any gateway "
                    + "started; one gateway per round watching every size at once, each in an inbox of its own, the "
                    + "sizes rotating through the inboxes round by round");
            return new Result(true, null, dovecot.version(), interval, measured, rounds, newMail, notes);
        }
    }

    /** The inbox that holds size {@code i} in {@code round}: each size visits each inbox once over the rounds. */
    private static String inboxOf(int i, int round, int sizes) {
        return INBOXES.get((i + round) % sizes);
    }

    private static Reading reading(int round, String inbox, double[] before, double[] after, double[] cpu,
                                   List<Double> windows, double[] sweeps) {
        double[] polls = increase(before, after);
        return new Reading(round, inbox, polls[0], meanMillis(polls), meanMillis(cpu), windows, sweeps[0],
                meanMillis(sweeps));
    }

    /** A timer's [count, sum] between two readings; nothing when either lacks it. */
    private static double[] increase(double[] before, double[] after) {
        return before == null || after == null ? new double[] {0, 0}
                : new double[] {after[0] - before[0], after[1] - before[1]};
    }

    private static Double meanMillis(double[] countAndSum) {
        return countAndSum[0] > 0 ? countAndSum[1] / countAndSum[0] * 1000 : null;
    }

    /** The inbox's mean poll in each window between two readings of the timer that saw a poll. */
    private static List<Double> windowMeans(List<Map<String, double[]>> readings, String inbox) {
        List<Double> means = new ArrayList<>();
        for (int i = 1; i < readings.size(); i++) {
            double[] a = readings.get(i - 1).get(inbox);
            double[] b = readings.get(i).get(inbox);
            if (a != null && b != null && b[0] > a[0]) {
                means.add((b[1] - a[1]) / (b[0] - a[0]) * 1000);
            }
        }
        return means;
    }

    /**
     * A size's polls over all rounds: their total duration over their number, so each poll counts once; and the
     * median of all its windows' means.
     */
    private static Size pooled(int messages, double fill, double index, List<Reading> readings) {
        double polls = 0;
        double millis = 0;
        double cpuMillis = 0;
        boolean cpuKnown = true;
        double sweeps = 0;
        double sweepMillis = 0;
        List<Double> windows = new ArrayList<>();
        for (Reading r : readings) {
            if (r.meanPollMs() == null) {
                return new Size(messages, fill, index, readings, null, null, null, null, null, null);
            }
            polls += r.polls();
            millis += r.meanPollMs() * r.polls();
            windows.addAll(r.windowMeansMs());
            if (r.meanPollCpuMs() == null) {
                cpuKnown = false;
            } else {
                cpuMillis += r.meanPollCpuMs() * r.polls();
            }
            if (r.meanSweepMs() != null) {
                sweeps += r.sweeps();
                sweepMillis += r.meanSweepMs() * r.sweeps();
            }
        }
        return new Size(messages, fill, index, readings, polls, polls > 0 ? millis / polls : null, median(windows),
                cpuKnown && polls > 0 ? cpuMillis / polls : null, sweeps, sweeps > 0 ? sweepMillis / sweeps : null);
    }

    /** The median by the nearest rank, as every other percentile of the benchmark; null for no values. */
    private static Double median(List<Double> values) {
        return values.isEmpty() ? null : Percentiles.ofMillis(values).p50();
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

    /** Each inbox's timer {@code name} as [count, sum]; empty when the gateway publishes none. */
    static Map<String, double[]> timers(String prometheus, String name) {
        Map<String, double[]> timers = new LinkedHashMap<>();
        if (prometheus == null) {
            return timers;
        }
        Matcher line = Pattern.compile("(?m)^" + name + "_(count|sum)\\{([^}]*)}\\s+(\\S+)").matcher(prometheus);
        while (line.find()) {
            Matcher inbox = INBOX_LABEL.matcher(line.group(2));
            if (!inbox.find()) {
                continue;
            }
            double[] timer = timers.computeIfAbsent(inbox.group(1), k -> new double[] {Double.NaN, Double.NaN});
            timer[line.group(1).equals("count") ? 0 : 1] = Double.parseDouble(line.group(3));
        }
        timers.values().removeIf(t -> Double.isNaN(t[0]) || Double.isNaN(t[1]));
        return timers;
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
