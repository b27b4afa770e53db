package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An issue as the sandbox keeps it: only what the sandbox cannot derive. Mutable and unsynchronised
 * on purpose; every access goes through {@link SandboxIssues}, which holds the lock, and the
 * fields map one to one onto the persisted JSON.
 */
final class StoredIssue {
    long id;
    String key;
    String projectKey;
    String issueTypeId;
    String summary;
    /** ADF document, or null. */
    JsonNode description;
    List<String> labels = new ArrayList<>();
    String statusId;
    /** Resolution option id, or null while unresolved. */
    String resolutionId;
    Long resolutionDate;
    String priorityId;
    long created;
    long updated;
    String reporterAccountId;
    String reporterEmail;
    String reporterName;
    List<StoredComment> comments = new ArrayList<>();
    List<StoredAttachment> attachments = new ArrayList<>();
    Map<String, JsonNode> properties = new LinkedHashMap<>();

    private JsonNode flattened;
    private String descriptionText;
    /** The summary {@link #summaryText} was made of. */
    private String loweredSummary;
    private String summaryText;
    /** The description text {@link #sketch} was made of. */
    private String sketchedDescription;
    private TrigramSketch sketch;

    /**
     * The description as lower-case plain text for {@code text ~} searches, flattened once per description rather
     * than once per issue per search (a customer-history search looks through every issue).
     */
    String descriptionSearchText() {
        if (descriptionText == null || flattened != description) {
            descriptionText = Adf.plainText(description).toLowerCase(java.util.Locale.ROOT);
            flattened = description;
        }
        return descriptionText;
    }

    /** The summary in lower case, for {@code text ~} searches; made again only when the summary changes. */
    String summarySearchText() {
        if (summaryText == null || loweredSummary != summary) {
            summaryText = summary == null ? "" : summary.toLowerCase(java.util.Locale.ROOT);
            loweredSummary = summary;
            sketch = null;
        }
        return summaryText;
    }

    /** What summary and description may hold, for skipping the issue in a {@code text ~} search without reading it. */
    TrigramSketch searchSketch() {
        String summaryLower = summarySearchText();
        String descriptionLower = descriptionSearchText();
        if (sketch == null || sketchedDescription != descriptionLower) {
            sketch = TrigramSketch.of(summaryLower, descriptionLower);
            sketchedDescription = descriptionLower;
        }
        return sketch;
    }
}
