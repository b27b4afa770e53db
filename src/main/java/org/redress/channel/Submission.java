package org.redress.channel;

import java.util.List;
import org.redress.complaint.Party;

/**
 * A complaint as a channel route hands it over (routes/README.md, "the normalized complaint"): what the customer
 * wrote and who they are, without anything of the channel it came by. E-mail is not handed over this way: mailboxes
 * are read by the inbox routes, which keep the whole message.
 *
 * @param channel      the channel's name, a lower-case word ({@code web}, {@code folder}); never {@code email}
 * @param reference    the channel's own id for this complaint: the same reference twice is one complaint
 * @param inbox        the configured inbox whose Jira project, address and calendar the complaint shares, or null
 *                     for {@code redress.channels.inbox}
 * @param customer     the customer; their address is where answers go when the reply channel is e-mail
 * @param subject      what the complaint is about
 * @param text         the customer's words
 * @param language     the language the customer chose (ISO 639-1), or null to detect it from the text
 * @param replyChannel the channel answers go back on ({@code email} unless the channel has a reply route of its own)
 * @param files        the files that came with it
 */
public record Submission(String channel, String reference, String inbox, Party customer, String subject, String text,
                         String language, String replyChannel, List<SubmittedFile> files) {

    public Submission {
        files = files == null ? List.of() : List.copyOf(files);
        replyChannel = replyChannel == null || replyChannel.isBlank() ? "email" : replyChannel;
    }

    /** The register's key for it: one complaint per channel and reference. */
    public String dedupKey() {
        return channel + ":" + reference;
    }

    /** A file as the customer sent it. */
    public record SubmittedFile(String name, String declaredType, byte[] content) {
        public SubmittedFile {
            content = content == null ? new byte[0] : content;
        }
    }
}
