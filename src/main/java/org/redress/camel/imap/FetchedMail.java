package org.redress.camel.imap;

/**
 * A mail as the inbox consumer hands it to the pipeline: its bytes as the server holds them (or their first
 * {@code redress.intake.max-message-size} bytes), or why the server would not hand them out.
 *
 * @param serverId   the server's own lasting name for the mail ("uid UIDVALIDITY/UID"), for the register and logs
 * @param bytes      the raw mail, or its beginning when it is larger than the limit; null when unreadable
 * @param size       the whole mail's size in bytes
 * @param unreadable why the server would not hand the mail out, or null
 */
public record FetchedMail(String serverId, byte[] bytes, long size, Exception unreadable) {

    /** True when {@link #bytes} is only the beginning of the mail. */
    public boolean cut() {
        return bytes != null && size > bytes.length;
    }
}
