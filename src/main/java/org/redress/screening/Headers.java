package org.redress.screening;

import org.redress.complaint.Complaint;

import java.util.List;
import java.util.Locale;

/** Header look-ups shared by the rules; header names in a Complaint are lower case. */
final class Headers {

    private Headers() {
    }

    static List<String> all(Complaint mail, String name) {
        List<String> values = mail.headers().get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : values;
    }

    /** The first value, trimmed, or null when the header is absent. */
    static String first(Complaint mail, String name) {
        String value = mail.header(name);
        return value == null ? null : value.strip();
    }

    /** The value without RFC 5322 comments and parameters, lower case: "auto-generated (failure)" → "auto-generated". */
    static String keyword(String value) {
        String v = value.replaceAll("\\([^)]*\\)", " ");
        int semicolon = v.indexOf(';');
        if (semicolon >= 0) {
            v = v.substring(0, semicolon);
        }
        return v.strip().toLowerCase(Locale.ROOT);
    }

    /** "Name: value" as the evidence in a reason. */
    static String evidence(String displayName, String value) {
        return displayName + ": " + value;
    }
}
