package org.redress.complaint;

import java.util.Map;

/**
 * A file that came with a complaint. The bytes are kept so that the file can be uploaded to the ticket unchanged;
 * the extracted text is what makes a scanned invoice or a filled-in form searchable by agents.
 *
 * @param filename      the decoded file name (RFC 2047/2231), never blank: a name is made up when the mail has none
 * @param mediaType     the media type detected by Tika from the content (not trusted from the mail header)
 * @param content       the decoded bytes
 * @param extractedText the text Tika found in the file, empty when there is none (a photo)
 * @param metadata      a few metadata values worth showing an agent (author, page count, image size)
 * @param size          the file's size in bytes, also when its bytes were withheld
 * @param withheld      why the bytes are not here (the file was too large to attach), or null when they are
 */
public record Attachment(String filename, String mediaType, byte[] content, String extractedText,
                         Map<String, String> metadata, long size, String withheld) {

    public Attachment {
        extractedText = extractedText == null ? "" : extractedText;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        content = content == null ? new byte[0] : content;
    }

    public Attachment(String filename, String mediaType, byte[] content, String extractedText,
                      Map<String, String> metadata) {
        this(filename, mediaType, content, extractedText, metadata, content == null ? 0 : content.length, null);
    }

    /** A file listed with its name and size whose bytes are left in the original mail. */
    public static Attachment withheld(String filename, String mediaType, long size, String reason) {
        return new Attachment(filename, mediaType, new byte[0], "", Map.of(), size, reason);
    }

    public boolean isWithheld() {
        return withheld != null;
    }
}
