package org.redress.sandbox.jira;

/**
 * What a Jira administrator decides about files, read by the endpoints on every request so that a test can change it
 * while the sandbox runs: the per-file size limit, attachments switched on or off for the whole site (System,
 * Attachments), and whether the caller holds the project permission Create Attachments.
 */
interface AttachmentSettings {
    long maxBytes();

    boolean enabled();

    /** The caller's Create Attachments permission, the same in every project. */
    boolean permitted();
}
