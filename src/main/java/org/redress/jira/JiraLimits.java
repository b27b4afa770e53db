package org.redress.jira;

/**
 * Limits Jira enforces and the gateway therefore respects before sending, rather than learning them from a 400.
 */
public final class JiraLimits {
    /** Jira's summary field: one line, at most 255 characters. */
    public static final int SUMMARY_MAX = 255;
    /** Jira's text field limit (description, comment). Measured on the serialized ADF, which is the stricter reading. */
    public static final int TEXT_FIELD_MAX = 32_767;
    /** Jira Cloud refuses an upload of more than 60 files with 413 (the attachments endpoint in its REST spec). */
    public static final int FILES_PER_UPLOAD = 60;

    private JiraLimits() {
    }

    /** One line, no control characters, at most 255 characters (cut at a code point, marked with an ellipsis). */
    public static String summary(String subject, String fallback) {
        String line = Adf.clean(subject == null ? "" : subject).replaceAll("\\s+", " ").strip();
        if (line.isEmpty()) {
            line = fallback;
        }
        if (line.length() <= SUMMARY_MAX) {
            return line;
        }
        int end = SUMMARY_MAX - 1;
        if (Character.isLowSurrogate(line.charAt(end))) {
            end--;
        }
        return line.substring(0, end) + "…";
    }

    /** A label: Jira refuses spaces in labels and more than 255 characters. */
    public static String label(String value) {
        String label = value.strip().replaceAll("\\s+", "-");
        return label.length() > SUMMARY_MAX ? label.substring(0, SUMMARY_MAX) : label;
    }
}
