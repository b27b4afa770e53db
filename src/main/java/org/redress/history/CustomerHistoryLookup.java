package org.redress.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the register, Jira and the CRM into one {@link CustomerHistory}. A failing source is written down as
 * unavailable and the others still count: history informs the agent, it must never hold a complaint back.
 */
public final class CustomerHistoryLookup {
    private final HistorySources.Register register;
    private final HistorySources.Tickets tickets;
    private final HistorySources.Crm crm;

    /** @param crm null when no CRM is configured (which is not a failure) */
    public CustomerHistoryLookup(HistorySources.Register register, HistorySources.Tickets tickets,
                                 HistorySources.Crm crm) {
        this.register = register;
        this.tickets = tickets;
        this.crm = crm;
    }

    /**
     * @param exceptComplaintId the complaint being filed (its own record is not history)
     * @param exceptTicketKey   its ticket, once it has one, or null
     */
    public CustomerHistory lookup(String email, long exceptComplaintId, String exceptTicketKey) {
        String address = email.toLowerCase(Locale.ROOT);
        List<String> unavailable = new ArrayList<>();
        Map<String, PastComplaint> byKey = new LinkedHashMap<>();
        try {
            register.earlierComplaints(address, exceptComplaintId).forEach(c -> byKey.put(c.ticketKey(), c));
        } catch (RuntimeException e) {
            unavailable.add("complaint register: " + describe(e));
        }
        try {
            for (PastComplaint ticket : tickets.ticketsOf(address)) {
                // Jira's status is fresher than the register's; the register knows satisfaction
                byKey.merge(ticket.ticketKey(), ticket, (known, fromJira) -> fromJira.completedWith(known));
            }
        } catch (RuntimeException e) {
            unavailable.add("Jira search: " + describe(e));
        }
        if (exceptTicketKey != null) {
            byKey.remove(exceptTicketKey);
        }
        CrmProfile profile = null;
        if (crm != null) {
            try {
                Optional<CrmProfile> found = crm.profile(address);
                profile = found.orElse(null);
            } catch (RuntimeException e) {
                unavailable.add("CRM: " + describe(e));
            }
        }
        return new CustomerHistory(address, new ArrayList<>(byKey.values()), profile, unavailable);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("[\\r\\n]+", " ");
    }
}
