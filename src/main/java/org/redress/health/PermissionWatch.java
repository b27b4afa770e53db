package org.redress.health;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway last learned of what it may do somewhere (its Jira account's permissions), for {@code /q/health}:
 * each thing it may not do, in words, and whether one of them stops complaints being handled at all. Only that makes
 * it DOWN: a site that keeps files off its tickets on purpose is a choice, told but not alarmed about. A check that
 * could not be made leaves the last answer standing.
 */
public final class PermissionWatch {
    private final Clock clock;
    private volatile List<String> problems;
    private volatile boolean blocking;
    private volatile Instant checkedAt;
    private volatile Instant lastFailure;
    private volatile String lastError;

    public PermissionWatch(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param problems what may not be done, each with its cost; empty when everything may
     * @param blocking whether one of them stops complaints being handled
     */
    public void checked(List<String> problems, boolean blocking) {
        this.problems = List.copyOf(problems);
        this.blocking = blocking;
        this.checkedAt = clock.instant();
    }

    public void failed(String reason) {
        lastError = reason;
        lastFailure = clock.instant();
    }

    /** The problems of the last check; null before one succeeded. */
    public List<String> problems() {
        return problems;
    }

    public Watch.Status status() {
        return problems != null && blocking ? Watch.Status.DOWN : Watch.Status.UP;
    }

    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status().name());
        out.put("checkedAt", checkedAt == null ? null : checkedAt.toString());
        out.put("problems", problems);
        Instant failure = lastFailure;
        if (failure != null && (checkedAt == null || failure.isAfter(checkedAt))) {
            out.put("lastFailure", failure.toString());
            out.put("lastError", lastError);
        }
        return out;
    }
}
