package org.redress.parsing;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.redress.complaint.Party;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header fields of one message (the complaint or a forwarded one), read leniently: a broken address or date
 * yields null or an empty list for that field, never a lost complaint.
 */
final class MessageHeaders {

    /** RFC 5322 field name: printable US-ASCII except colon. Anything else is a line jakarta.mail could not split. */
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s,]+");

    private final MimeMessage message;
    private final Map<String, List<String>> headers;

    MessageHeaders(MimeMessage message) {
        this.message = message;
        this.headers = readAll(message);
    }

    private static Map<String, List<String>> readAll(Part part) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        Enumeration<Header> fields;
        try {
            fields = part.getAllHeaders();
        } catch (MessagingException e) {
            return all;
        }
        while (fields.hasMoreElements()) {
            Header field = fields.nextElement();
            String name = field.getName() == null ? "" : field.getName().trim();
            if (field.getValue() == null || !FIELD_NAME.matcher(name).matches()) {
                continue;
            }
            all.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(HeaderText.decode(field.getValue()));
        }
        all.replaceAll((name, values) -> List.copyOf(values));
        return all;
    }

    /** Every well-formed header field, lower-case names, decoded values, in order of appearance. */
    Map<String, List<String>> all() {
        return Collections.unmodifiableMap(headers);
    }

    boolean isEmpty() {
        return headers.isEmpty();
    }

    String first(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String subject() {
        String subject = first("subject");
        return subject == null ? "" : subject.strip();
    }

    /** From, else Sender, else Return-Path; an empty Party when none holds an address (a bounce's "<>"). */
    Party sender() {
        for (String field : List.of("From", "Sender", "Return-Path")) {
            for (InternetAddress address : addresses(field)) {
                if (address.getAddress() != null && !address.getAddress().isBlank()) {
                    return new Party(address.getAddress(), HeaderText.decode(address.getPersonal()));
                }
            }
        }
        return new Party("", null);
    }

    /** To and Cc addresses, lower case, group members expanded, duplicates dropped. */
    List<String> recipients() {
        Set<String> all = new LinkedHashSet<>();
        for (String field : List.of("To", "Cc")) {
            for (InternetAddress address : addresses(field)) {
                if (address.getAddress() != null && !address.getAddress().isBlank()) {
                    all.add(address.getAddress().trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(all);
    }

    String messageId() {
        return firstId(first("message-id"));
    }

    String inReplyTo() {
        return firstId(first("in-reply-to"));
    }

    List<String> references() {
        String value = first("references");
        return value == null ? List.of() : ids(value);
    }

    Instant sentAt() {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    private List<InternetAddress> addresses(String field) {
        String raw;
        try {
            raw = message.getHeader(field, ",");
        } catch (MessagingException e) {
            return List.of();
        }
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<InternetAddress> result = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(HeaderText.undoByteChars(raw), false)) {
                addExpanded(address, result);
            }
        } catch (AddressException unparseable) {
            return List.of();
        }
        return result;
    }

    private static void addExpanded(InternetAddress address, List<InternetAddress> into) {
        if (!address.isGroup()) {
            into.add(address);
            return;
        }
        try {
            InternetAddress[] members = address.getGroup(false);
            if (members != null) {
                Collections.addAll(into, members);
            }
        } catch (AddressException unparseableGroup) {
            // an empty or broken group names nobody
        }
    }

    private static String firstId(String value) {
        if (value == null) {
            return null;
        }
        List<String> ids = ids(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Message ids with their angle brackets; a bare id ("abc@host") is given brackets rather than dropped. */
    private static List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(value);
        while (m.find()) {
            ids.add(m.group());
        }
        if (ids.isEmpty()) {
            for (String token : WHITESPACE.split(value.strip())) {
                if (!token.isEmpty() && token.indexOf('@') > 0) {
                    ids.add("<" + token.replace("<", "").replace(">", "") + ">");
                }
            }
        }
        return List.copyOf(ids);
    }
}
