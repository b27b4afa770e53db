package org.redress.complaint;

import java.util.Locale;

/**
 * Someone on a complaint: the customer or a participant. Addresses are compared in lower case because
 * customers type their address in any case and mail servers do not care.
 */
public record Party(String address, String displayName) {

    public Party {
        address = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        displayName = displayName == null || displayName.isBlank() ? null : displayName.trim();
    }

    /** The name to greet the customer with, or null when the mail gave none. */
    public String nameOrNull() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName == null ? address : displayName + " <" + address + ">";
    }
}
