package org.redress.sandbox.jira;

/** Attachment metadata; the bytes live in memory or in a file next to the state, never in the JSON. */
final class StoredAttachment {
    long id;
    long issueId;
    String filename;
    String mimeType;
    long size;
    long created;
    String authorAccountId;
    String authorEmail;
    String authorName;
}
