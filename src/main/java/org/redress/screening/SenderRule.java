package org.redress.screening;

import org.redress.complaint.Complaint;

import java.util.Set;

/**
 * Mail nobody can be answered at. Mail from one of the gateway's own addresses is a loop (our acknowledgement
 * coming back through a forward or a misconfigured alias): answering it would answer ourselves, forever.
 */
final class SenderRule implements ScreeningRule {

    private final Set<String> ownAddresses;

    SenderRule(Set<String> ownAddresses) {
        this.ownAddresses = ownAddresses;
    }

    @Override
    public String reasonToIgnore(Complaint mail) {
        String address = mail.sender() == null ? "" : mail.sender().address();
        if (address.isEmpty()) {
            return "no sender address";
        }
        if (address.indexOf('@') <= 0) {
            return "no sender address: \"" + address + "\" has no domain";
        }
        if (ownAddresses.contains(address)) {
            return "own address: " + address;
        }
        return null;
    }
}
