package org.redress.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does, from {@code -Dbench.*} properties (Maven passes them through from the command line)
 * or {@code --key=value} arguments. Every value has a full-run default and a smaller {@code --quick} default, so that
 * {@code -Dbench.quick=true} checks that everything works in a couple of minutes while a full run gives numbers
 * worth writing down. Everything used ends up in the results file, so that two runs can be compared knowing what
 * differed.
 */
record BenchSettings(
        boolean quick,
        List<String> phases,
        int saturationComplaints,
        double fixedRate,
        int fixedRateSeconds,
        int slowJiraComplaints,
        int slowJiraMillis,
        int scaleOutComplaints,
        int scaleOutNodes,
        int scaleOutConcurrency,
        int throttledComplaints,
        int throttleEvery,
        int retryAfterSeconds,
        int bigCount,
        int bigFileBytes,
        int bigPlainCount,
        double bigPlainRate,
        String gatewayHeap,
        String bigGatewayHeap,
        String gatewayJvm,
        String pollInterval,
        String intake,
        List<Integer> pollSizes,
        int pollIdleSeconds,
        int pollNewMail,
        int smtpConnections,
        double replyShare,
        double attachmentShare,
        int warmUp,
        int warmUpBatches,
        double warmUpRate,
        int limitRounds,
        int limitThreads,
        int profileMillis,
        long timeoutPerComplaintMillis,
        int minPhaseSeconds,
        int stallSeconds,
        long seed,
        Path outputDir) {

    /** The options a gateway of the benchmark runs with: {@code -Xmx<heap>} and {@code bench.gateway-jvm}. */
    List<String> gatewayJvmOptions(String heap) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + heap);
        if (!gatewayJvm.isBlank()) {
            options.addAll(List.of(gatewayJvm.trim().split("\\s+")));
        }
        return options;
    }

    /** The phases in the order they run; {@code -Dbench.phases=saturation,limit} runs a subset. */
    static final List<String> ALL_PHASES = List.of("fixed-rate", "saturation", "limit", "slow-jira", "scale-out",
            "throttled", "big-attachments", "poll-cost");

    static BenchSettings from(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith("bench.") && !v.toString().isBlank()) {
                values.put(key.substring("bench.".length()), v.toString().trim());
            }
        });
        for (String arg : args) {
            if (arg.equals("--quick")) {
                values.put("quick", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': use --quick or --key=value "
                        + "(the keys of -Dbench.*, see BENCHMARKS.md)");
            }
        }
        Reader r = new Reader(values);
        boolean quick = r.bool("quick", false);
        int cores = Runtime.getRuntime().availableProcessors();
        java.util.Set<String> phases = new java.util.LinkedHashSet<>();
        String wanted = r.text("phases", "all");
        if (wanted.equals("all")) {
            phases.addAll(ALL_PHASES);
        } else {
            for (String phase : wanted.split(",")) {
                if (!ALL_PHASES.contains(phase.trim())) {
                    throw new IllegalArgumentException("bench.phases: unknown phase '" + phase + "'; phases are "
                            + ALL_PHASES);
                }
                phases.add(phase.trim());
            }
        }
        List<Integer> pollSizes = new ArrayList<>();
        for (String size : r.text("poll-sizes", quick ? "0,10000" : "0,10000,100000").split(",")) {
            pollSizes.add(Integer.parseInt(size.trim()));
        }
        if (pollSizes.size() > PollCost.INBOXES.size() || pollSizes.stream().distinct().count() < pollSizes.size()) {
            // one gateway watches every size at once, each in an inbox of its own
            throw new IllegalArgumentException("bench.poll-sizes: at most " + PollCost.INBOXES.size()
                    + " different sizes, one per inbox of the gateway " + PollCost.INBOXES + ", got " + pollSizes);
        }
        String heap = r.text("xmx", "512m");
        BenchSettings settings = new BenchSettings(
                quick,
                ALL_PHASES.stream().filter(phases::contains).toList(),
                r.integer("complaints", quick ? 200 : 2000),
                r.decimal("rate", 10),
                r.integer("rate-seconds", quick ? 5 : 30),
                r.integer("slow-jira-complaints", quick ? 30 : 500),
                r.integer("jira-latency-ms", 150),
                r.integer("scale-out-complaints", quick ? 40 : 500),
                r.integer("scale-out-nodes", 3),
                // what one in-process node handles at once: 4 lanes in each of its 3 inboxes
                r.integer("scale-out-concurrency", 12),
                r.integer("throttled-complaints", quick ? 50 : 500),
                r.integer("throttle-every", quick ? 10 : 50),
                r.integer("retry-after-seconds", 1),
                r.integer("big-count", quick ? 2 : 10),
                r.integer("big-bytes", 25_000_000),
                r.integer("big-plain", quick ? 10 : 100),
                r.decimal("big-plain-rate", 5),
                heap,
                // the target as a hard limit: the gateway gets only the heap the target allows
                r.text("big-xmx", "256m"),
                // as the Dockerfile starts it (docs/DEPLOYMENT.md, "JVM options")
                r.text("gateway-jvm", "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"),
                r.text("poll-interval", ""),
                r.text("intake", "auto"),
                List.copyOf(pollSizes),
                r.integer("poll-idle-seconds", quick ? 5 : 60),
                r.integer("poll-new-mail", quick ? 5 : 20),
                r.integer("smtp-connections", 4),
                r.decimal("reply-share", 0.10),
                r.decimal("attachment-share", 0.40),
                // batches of as many as the limit client's untimed pass, until the gateway runs steady
                r.integer("warm-up", quick ? 20 : 200),
                r.integer("warm-up-batches", quick ? 1 : 8),
                r.decimal("warm-up-rate", 0),
                r.integer("limit-rounds", quick ? 1 : 3),
                r.integer("limit-threads", cores),
                // the saturation phase's CPU samples (GatewayProfile); 0: none
                r.integer("profile-ms", 10),
                r.integer("timeout-per-complaint-ms", 500),
                r.integer("min-phase-seconds", 60),
                r.integer("stall-seconds", 90),
                r.integer("seed", 20261122),
                Path.of(r.text("output", "target/bench")));
        r.rejectUnknown();
        return settings;
    }

    /**
     * Whether the inboxes live on Dovecot (mail dropped into its Maildirs) or on the sandbox's GreenMail (mail sent
     * by SMTP): {@code bench.intake} = {@code dovecot}, {@code greenmail}, or {@code auto} (Dovecot when it can run).
     */
    boolean intakeOnDovecot() {
        return switch (intake) {
            case "dovecot" -> {
                DovecotPeer.unavailable().ifPresent(why -> {
                    throw new IllegalArgumentException("bench.intake=dovecot: " + why);
                });
                yield true;
            }
            case "greenmail" -> false;
            case "auto" -> DovecotPeer.unavailable().isEmpty();
            default -> throw new IllegalArgumentException("bench.intake must be dovecot, greenmail or auto, got '"
                    + intake + "'");
        };
    }

    /** The poll interval the gateways run with: {@code bench.poll-interval}, else the shipped configuration's. */
    String effectivePollInterval() {
        return pollInterval.isEmpty()
                ? org.redress.config.RedressConfig.fileSettings().getOrDefault("redress.intake.poll-interval", "PT1S")
                        + " (the gateway's default, config/application.properties)"
                : pollInterval + " (bench.poll-interval)";
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /**
     * How long a phase waits for its last acknowledgement: proportional to what it delivers, so that a slow gateway
     * gives numbers for what it finished instead of hanging; never less than {@code minPhaseSeconds}.
     */
    Duration deadlineFor(int messages, Duration sending) {
        return sending.plus(Duration.ofSeconds(minPhaseSeconds))
                .plus(Duration.ofMillis(timeoutPerComplaintMillis * messages));
    }

    /** Values read once, each key consumed, so that a misspelt {@code -Dbench.*} key is an error, not ignored. */
    private static final class Reader {
        private final Map<String, String> values;

        Reader(Map<String, String> values) {
            this.values = new LinkedHashMap<>(values);
        }

        String text(String key, String fallback) {
            String value = values.remove(key);
            return value == null ? fallback : value;
        }

        boolean bool(String key, boolean fallback) {
            return Boolean.parseBoolean(text(key, String.valueOf(fallback)));
        }

        int integer(String key, int fallback) {
            try {
                return Integer.parseInt(text(key, String.valueOf(fallback)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bench." + key + " must be a whole number", e);
            }
        }

        double decimal(String key, double fallback) {
            try {
                return Double.parseDouble(text(key, String.valueOf(fallback)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bench." + key + " must be a number", e);
            }
        }

        void rejectUnknown() {
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown benchmark setting(s) " + values.keySet()
                        + ": see BENCHMARKS.md for the keys");
            }
        }
    }
}
