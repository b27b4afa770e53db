package org.redress.parsing;

/**
 * Thrown only when a mail holds nothing a person could act on (no header fields and no readable content).
 * Unchecked because the caller cannot repair the input: it can only park the raw bytes and tell someone, and
 * the message says why so that the someone does not have to open a hex editor.
 */
public final class MailParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailParseException(String reason) {
        super(reason);
    }

    public MailParseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
