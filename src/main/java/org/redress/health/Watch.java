package org.redress.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gateway last saw of one thing it depends on: an inbox's mail server, Jira, the SMTP relay. A mailbox
 * nobody noticed had stopped being read is the classic silent failure of mail handlers; the watch turns it into a
 * DOWN that a probe or an operator sees. Updated by whoever talks to the thing, read by the health check.
 */
public final class Watch {
    public enum Status { UP, DOWN }

    private final Clock clock;
    private final Instant since;
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;

    public Watch(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    public void succeeded() {
        lastSuccess = clock.instant();
    }

    public void failed(String reason) {
        lastError = reason;
        lastFailure = clock.instant();
    }

    /**
     * @param staleAfter DOWN once nothing succeeded for this long (counted from start when nothing ever did), for
     *                   what is used all the time (an inbox polled every second); null to judge by the last attempt
     *                   alone, for what is used only when there is work (Jira, SMTP)
     */
    public Status status(Duration staleAfter) {
        Instant success = lastSuccess;
        if (staleAfter != null) {
            Instant last = success != null ? success : since;
            return Duration.between(last, clock.instant()).compareTo(staleAfter) > 0 ? Status.DOWN : Status.UP;
        }
        Instant failure = lastFailure;
        return failure != null && (success == null || failure.isAfter(success)) ? Status.DOWN : Status.UP;
    }

    /** The status with what it is based on, for {@code /q/health}. */
    public Map<String, Object> describe(Duration staleAfter) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status(staleAfter).name());
        out.put("lastSuccess", lastSuccess == null ? null : lastSuccess.toString());
        Instant failure = lastFailure;
        if (failure != null) {
            out.put("lastFailure", failure.toString());
            out.put("lastError", lastError);
        }
        if (staleAfter != null) {
            out.put("downAfter", staleAfter.toString());
        }
        return out;
    }
}
