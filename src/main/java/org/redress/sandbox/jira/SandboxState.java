package org.redress.sandbox.jira;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that must survive a restart, including the counters: keys and ids keep counting up
 * after a restart so a key the gateway stored is never handed out twice.
 */
final class SandboxState {
    int version = 1;
    long nextIssueId = 10000;
    long nextCommentId = 10000;
    long nextAttachmentId = 10000;
    long nextIssueLinkId = 10000;
    /** Every transition is a changelog entry in Jira, whether or not a webhook reports it. */
    long nextChangelogId = 10000;
    /** Highest issue number handed out per project key. */
    Map<String, Integer> lastIssueNumber = new LinkedHashMap<>();
    /** In creation order. */
    List<StoredIssue> issues = new ArrayList<>();
    /** In creation order; a link joins two issues, so it is kept here rather than in either of them. */
    List<StoredIssueLink> issueLinks = new ArrayList<>();
}
