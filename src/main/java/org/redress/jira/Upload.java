package org.redress.jira;

/** A file to attach to a ticket. */
public record Upload(String filename, String mediaType, byte[] content) {
}
