package org.redress.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redress.store.RegisterQueries.Row;

/**
 * What the company learns from its complaints over a period: how many, from where, in which language, about what,
 * with which urgency hints; how fast they were acknowledged and resolved; how many came from repeat complainants.
 * Counts by inbox, language, category and hint are over new complaints (ticketed or still in progress); replies,
 * ignored and quarantined mails are counted apart.
 */
public final class ComplaintReport {
    private ComplaintReport() {
    }

    /** @param hints per complaint id, the kinds of hint found */
    public static Map<String, Object> of(Period period, List<Row> rows, Map<Long, List<String>> hints) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("from", period.from().toString());
        report.put("to", period.to().toString());

        Map<String, Integer> mails = new LinkedHashMap<>();
        List<Row> complaints = new ArrayList<>();
        for (Row row : rows) {
            String kind = switch (row.outcome()) {
                case "ignored" -> "ignored";
                case "quarantined" -> "quarantined";
                default -> "reply".equals(row.kind()) ? "replies" : "complaints";
            };
            mails.merge(kind, 1, Integer::sum);
            if (kind.equals("complaints")) {
                complaints.add(row);
            }
        }
        Map<String, Integer> mailCounts = new LinkedHashMap<>();
        mailCounts.put("received", rows.size());
        for (String kind : List.of("complaints", "replies", "ignored", "quarantined")) {
            mailCounts.put(kind, mails.getOrDefault(kind, 0));
        }
        report.put("mails", mailCounts);

        Map<String, Map<String, Integer>> by = new LinkedHashMap<>();
        by.put("inbox", new TreeMap<>());
        by.put("language", new TreeMap<>());
        by.put("category", new TreeMap<>());
        by.put("hint", new TreeMap<>());
        by.put("priority", new TreeMap<>());
        List<Duration> toAcknowledge = new ArrayList<>();
        List<Duration> toResolve = new ArrayList<>();
        int repeat = 0;
        int assessed = 0;
        int open = 0;
        int resolved = 0;
        List<Integer> scores = new ArrayList<>();
        Map<String, List<Integer>> scoresByInbox = new TreeMap<>();
        for (Row row : complaints) {
            by.get("inbox").merge(row.inbox(), 1, Integer::sum);
            by.get("language").merge(row.language() == null ? "unknown" : row.language(), 1, Integer::sum);
            by.get("category").merge(row.category() == null ? "unassessed" : row.category(), 1, Integer::sum);
            if (row.priority() != null) {
                by.get("priority").merge(row.priority(), 1, Integer::sum);
            }
            for (String hint : hints.getOrDefault(row.id(), List.of())) {
                by.get("hint").merge(hint, 1, Integer::sum);
            }
            if (row.acknowledgementSentAt() != null) {
                toAcknowledge.add(Duration.between(row.receivedAt(), row.acknowledgementSentAt()));
            }
            if (row.resolvedAt() != null) {
                toResolve.add(Duration.between(row.receivedAt(), row.resolvedAt()));
                resolved++;
            } else if (row.ticketKey() != null) {
                open++;
            }
            if (row.repeatComplainant() != null) {
                assessed++;
                repeat += row.repeatComplainant() ? 1 : 0;
            }
            if (row.satisfaction() != null) {
                scores.add(row.satisfaction());
                scoresByInbox.computeIfAbsent(row.inbox(), inbox -> new ArrayList<>()).add(row.satisfaction());
            }
        }
        report.put("complaintsBy", by);
        Map<String, Integer> tickets = new LinkedHashMap<>();
        tickets.put("open", open);
        tickets.put("resolved", resolved);
        report.put("tickets", tickets);
        report.put("timeToAcknowledge", durations(toAcknowledge));
        report.put("timeToResolve", durations(toResolve));
        Map<String, Object> repeats = new LinkedHashMap<>();
        repeats.put("count", repeat);
        repeats.put("of", assessed);
        repeats.put("share", assessed == 0 ? null : round((double) repeat / assessed));
        report.put("repeatComplainants", repeats);
        Map<String, Object> satisfaction = satisfaction(scores);
        Map<String, Object> byInbox = new LinkedHashMap<>();
        scoresByInbox.forEach((inbox, inboxScores) -> byInbox.put(inbox, satisfaction(inboxScores)));
        satisfaction.put("byInbox", byInbox);
        report.put("satisfaction", satisfaction);
        return report;
    }

    /** CSAT as the industry counts it: the share of 4s and 5s among the answers, with the mean and the spread. */
    private static Map<String, Object> satisfaction(List<Integer> scores) {
        Map<String, Object> satisfaction = new LinkedHashMap<>();
        satisfaction.put("responses", scores.size());
        satisfaction.put("satisfiedShare", scores.isEmpty() ? null
                : round(scores.stream().filter(s -> s >= 4).count() / (double) scores.size()));
        satisfaction.put("averageScore", scores.isEmpty() ? null
                : round(scores.stream().mapToInt(Integer::intValue).average().orElse(0)));
        Map<String, Integer> byScore = new LinkedHashMap<>();
        for (int score = 1; score <= 5; score++) {
            int value = score;
            byScore.put(String.valueOf(score), (int) scores.stream().filter(s -> s == value).count());
        }
        satisfaction.put("byScore", byScore);
        return satisfaction;
    }

    private static Map<String, Object> durations(List<Duration> durations) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", durations.size());
        Duration median = median(durations);
        summary.put("median", median == null ? null : median.toString());
        summary.put("medianSeconds", median == null ? null : round(median.toMillis() / 1000.0));
        return summary;
    }

    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
