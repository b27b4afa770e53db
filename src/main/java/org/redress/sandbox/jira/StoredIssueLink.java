package org.redress.sandbox.jira;

/**
 * A link between two issues as persisted. It belongs to neither issue alone, so it lives in
 * {@link SandboxState}'s own list; guarded by the {@link SandboxIssues} lock like everything else.
 * The names follow the create request: {@code inwardIssueId} is the link's source (the issue that
 * "blocks"), {@code outwardIssueId} its destination (the issue that "is blocked by").
 */
final class StoredIssueLink {
    long id;
    String typeId;
    long inwardIssueId;
    long outwardIssueId;
}
