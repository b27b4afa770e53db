package org.redress.complaint;

import java.util.Locale;

/** A size as agents read it on a ticket: "840 B", "12.4 KB", "31.2 MB". */
public final class FileSize {
    private FileSize() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
