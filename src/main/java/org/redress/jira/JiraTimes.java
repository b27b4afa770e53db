package org.redress.jira;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Jira's date-times in REST answers and webhooks: {@code 2026-11-16T09:27:00.000+0000}, sometimes ISO-8601. */
public final class JiraTimes {
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private JiraTimes() {
    }

    /** The instant, or null for a missing or unreadable value (a date Jira leaves out is not an error). */
    public static Instant parse(String jiraTime) {
        if (jiraTime == null || jiraTime.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(jiraTime, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(jiraTime).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
