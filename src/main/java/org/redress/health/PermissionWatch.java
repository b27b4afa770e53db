package org.redress.health;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway last learned of what it may do somewhere (its Jira account's access), for {@code /q/health}: each
 * thing it may not do, in words, and whether one of them stops mail being handled at all. Only that makes it DOWN: a
 * site that keeps files off its tickets on purpose made a choice, which is told but not alarmed about. A check that
 * could not be made leaves the last answer standing, and says why beside it.
 */
public final class PermissionWatch {
    private record Answer(List<String> problems, boolean blocking, Instant at) {
    }

    private record Failure(String error, Instant at) {
    }

    private final Clock clock;
    private volatile Answer answer;
    private volatile Failure failure;

    public PermissionWatch(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param problems what may not be done, each with its cost; empty when everything may
     * @param blocking whether one of them stops mail being handled
     */
    public void checked(List<String> problems, boolean blocking) {
        answer = new Answer(List.copyOf(problems), blocking, clock.instant());
    }

    public void failed(String reason) {
        failure = new Failure(reason, clock.instant());
    }

    /** The problems of the last check; null before one succeeded. */
    public List<String> problems() {
        Answer last = answer;
        return last == null ? null : last.problems();
    }

    public Watch.Status status() {
        Answer last = answer;
        return last != null && last.blocking() ? Watch.Status.DOWN : Watch.Status.UP;
    }

    public Map<String, Object> describe() {
        Answer last = answer;
        Failure failed = failure;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", (last != null && last.blocking() ? Watch.Status.DOWN : Watch.Status.UP).name());
        out.put("checkedAt", last == null ? null : last.at().toString());
        out.put("problems", last == null ? null : last.problems());
        if (failed != null && (last == null || failed.at().isAfter(last.at()))) {
            out.put("lastFailure", failed.at().toString());
            out.put("lastError", failed.error());
        }
        return out;
    }
}
