package org.redress.parsing;

/**
 * The block that stands for a forwarded message in the complaint text, laid out the way Gmail and Outlook show a
 * forward so that agents recognise it and the customer's own words stay visibly separate from the quoted mail.
 */
final class ForwardedBlock {

    static final String SEPARATOR = "---------- Forwarded message ----------";

    private ForwardedBlock() {
    }

    static String format(MessageHeaders headers, String text) {
        StringBuilder block = new StringBuilder(SEPARATOR).append('\n');
        line(block, "From", headers.first("from"));
        line(block, "Date", headers.first("date"));
        line(block, "Subject", headers.first("subject"));
        line(block, "To", headers.first("to"));
        block.append('\n').append(text == null ? "" : text);
        return block.toString();
    }

    private static void line(StringBuilder block, String label, String value) {
        if (value != null && !value.isBlank()) {
            block.append(label).append(": ").append(value.strip()).append('\n');
        }
    }
}
