package org.redress.bounce;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mail the gateway sent that did not reach its recipient: the customer is waiting for an answer that never
 * arrived, and only the agents can do something about it, so the note says so in plain words.
 *
 * @param ticketKey the ticket the mail was about
 * @param messageId our mail's Message-ID
 * @param subject   our mail's subject as the outbox holds it, or null when the outbox no longer has the mail
 * @param failed    the recipients the report says failed (never empty)
 */
public record OwnMailBounce(String ticketKey, String messageId, String subject, List<DeliveryReport.Recipient> failed) {

    public OwnMailBounce {
        failed = List.copyOf(failed);
        if (failed.isEmpty()) {
            throw new IllegalArgumentException("a bounce names at least one failed recipient");
        }
    }

    /** Who did not get it: "a@example.org" or "a@example.org, b@example.org". */
    public String recipients() {
        return failed.stream().map(DeliveryReport.Recipient::address).distinct().collect(Collectors.joining(", "));
    }

    /** The register's reason for the report: what it was and where it went. */
    public String reason() {
        return "bounce of our mail to " + recipients() + " recorded on " + ticketKey;
    }

    /**
     * The internal note for the ticket's agents. It ends with {@link #trace(long)}, by which a retry finds a note an
     * earlier attempt added before it could write that down.
     *
     * @param reportId the register id of the delivery report
     */
    public String note(long reportId) {
        String what = subject == null || subject.isBlank() ? "Our e-mail " + messageId : "Our e-mail “" + subject + "”";
        String why = failed.size() == 1 ? explanation(failed.get(0)) : failed.stream()
                .map(r -> r.address() + " " + explanation(r)).collect(Collectors.joining("; "));
        return what + " to " + recipients() + " could not be delivered: " + why + ".\n\n"
                + "The customer did not receive it. If it mattered, reach them another way (telephone, post, or an "
                + "address they confirm) and check the address on this ticket; mail to it will probably bounce again.\n\n"
                + trace(reportId);
    }

    private static String explanation(DeliveryReport.Recipient recipient) {
        String text = (recipient.status() + " " + recipient.diagnostic()).strip();
        return text.isEmpty() ? "no reason given" : text;
    }

    /** The last line of the note, naming the report in the register: unique to the report. */
    public static String trace(long reportId) {
        return "The delivery report is mail #" + reportId + " of the complaint register.";
    }
}
