package org.redress.sandbox.jira;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Jira Cloud writes timestamps as {@code 2026-11-23T09:12:00.000+0000} (no colon in the offset),
 * which is not ISO-8601 as Java prints it; clients parse exactly this shape, so the sandbox must
 * produce it. The sandbox's user lives in UTC, so JQL dates are read in UTC too.
 */
final class JiraTime {

    private static final DateTimeFormatter JIRA =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private JiraTime() {
    }

    static String format(long epochMillis) {
        return JIRA.format(Instant.ofEpochMilli(epochMillis));
    }
}
