package org.redress.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * What a delivery status notification (RFC 3464) says: what became of a mail for each of its recipients, and which
 * mail it was. The status fields are read by Angus Mail's {@link DeliveryStatus} wherever the message/delivery-status
 * part is: in the multipart/report the RFC asks for, or in the multipart/mixed some servers send instead. A bounce
 * written only as prose (qmail, old Exim, Yahoo) has no such part and is no report here.
 *
 * @param recipients        the per-recipient fields, in the report's order
 * @param returnedMessageId the Message-ID of the returned message or headers (with angle brackets), or null when the
 *                          report returned neither
 */
public record DeliveryReport(List<Recipient> recipients, String returnedMessageId) {
    private static final Set<String> STATUS_TYPES = Set.of("message/delivery-status", "message/global-delivery-status");
    private static final Set<String> RETURNED_TYPES = Set.of("message/rfc822", "message/global", "text/rfc822-headers",
            "message/global-headers");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern TYPED = Pattern.compile("[A-Za-z0-9.+-]+\\s*;(.*)", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)");
    /** Deeper nesting is no server's report. */
    private static final int MAX_DEPTH = 5;
    private static final Session SESSION = Session.getInstance(new Properties());

    /**
     * One recipient's fields.
     *
     * @param address    Final-Recipient (else Original-Recipient) without its address type
     * @param action     failed, delayed, delivered, relayed or expanded, lower case
     * @param status     the RFC 3463 status code, e.g. 5.1.1, or empty
     * @param diagnostic the remote server's answer (Diagnostic-Code without its type), or empty
     */
    public record Recipient(String address, String action, String status, String diagnostic) {
        public boolean failed() {
            return "failed".equals(action);
        }
    }

    public DeliveryReport {
        recipients = List.copyOf(recipients);
    }

    /** The recipients the mail did not reach and never will (a delay is not a failure: the server still tries). */
    public List<Recipient> failed() {
        return recipients.stream().filter(Recipient::failed).toList();
    }

    /**
     * The report in a raw mail, or empty when the mail holds none. A report that cannot be read counts as none: the
     * mail then goes on to screening like any other.
     */
    public static Optional<DeliveryReport> read(byte[] raw) {
        try {
            Found found = new Found();
            walk(new MimeMessage(SESSION, new SharedByteArrayInputStream(raw)), found, 0);
            return found.statusParts == 0 ? Optional.empty()
                    : Optional.of(new DeliveryReport(found.recipients, messageId(found.returned)));
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Multiparts are opened from their bytes, not through content handlers, so a report that breaks MIME rules is still read. */
    private static void walk(Part part, Found found, int depth) throws MessagingException, IOException {
        String type = baseType(part);
        if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
            MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), found, depth + 1);
            }
        } else if (STATUS_TYPES.contains(type)) {
            // some servers send two: prose in the first, the fields in the second
            found.statusParts++;
            found.recipients.addAll(recipients(new DeliveryStatus(part.getInputStream())));
        } else if (RETURNED_TYPES.contains(type) && found.returned == null) {
            // the returned message's header block, whether the whole message came back or only its headers
            found.returned = new InternetHeaders(part.getInputStream());
        }
    }

    private static List<Recipient> recipients(DeliveryStatus status) {
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            InternetHeaders fields = status.getRecipientDSN(i);
            String address = withoutType(field(fields, "Final-Recipient"));
            if (address.isEmpty()) {
                address = withoutType(field(fields, "Original-Recipient"));
            }
            String action = keyword(field(fields, "Action"));
            if (!address.isEmpty() || !action.isEmpty()) {
                recipients.add(new Recipient(address.replaceAll("^<|>$", ""), action,
                        keyword(field(fields, "Status")), withoutType(field(fields, "Diagnostic-Code"))));
            }
        }
        return recipients;
    }

    private static String messageId(InternetHeaders returned) {
        String value = returned == null ? "" : field(returned, "Message-ID");
        Matcher m = MESSAGE_ID.matcher(value);
        if (m.find()) {
            return m.group();
        }
        return value.indexOf('@') > 0 && !value.contains(" ") ? "<" + value + ">" : null;
    }

    /** The field unfolded and trimmed, or empty. */
    private static String field(InternetHeaders fields, String name) {
        String value = fields.getHeader(name, null);
        return value == null ? "" : MimeUtility.unfold(value).replaceAll("\\s+", " ").strip();
    }

    /** "rfc822; a@b" → "a@b", "smtp; 550 5.1.1 unknown" → "550 5.1.1 unknown" (RFC 3464 typed fields). */
    private static String withoutType(String value) {
        Matcher typed = TYPED.matcher(value);
        return typed.matches() ? typed.group(1).strip() : value;
    }

    /** "Delayed", "5.0.0 (permanent failure)" → "delayed", "5.0.0". */
    private static String keyword(String value) {
        String bare = COMMENT.matcher(value).replaceAll(" ").strip();
        int space = bare.indexOf(' ');
        return (space < 0 ? bare : bare.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private static String baseType(Part part) throws MessagingException {
        String header = part.getContentType();
        try {
            return header == null ? "text/plain" : new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.ParseException unparseable) {
            return "application/octet-stream";
        }
    }

    private static final class Found {
        private int statusParts;
        private final List<Recipient> recipients = new ArrayList<>();
        private InternetHeaders returned;
    }
}
