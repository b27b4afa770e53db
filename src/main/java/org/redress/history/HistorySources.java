package org.redress.history;

import java.util.List;
import java.util.Optional;

/** Where a customer's history comes from. Each may fail; {@link CustomerHistoryLookup} keeps going without it. */
public final class HistorySources {
    private HistorySources() {
    }

    /** The gateway's own complaint register. */
    @FunctionalInterface
    public interface Register {
        /** Earlier complaints from this address (any case), leaving out the complaint being filed. */
        List<PastComplaint> earlierComplaints(String email, long exceptComplaintId);
    }

    /** The issue tracker, which also knows complaints from before the gateway. */
    @FunctionalInterface
    public interface Tickets {
        List<PastComplaint> ticketsOf(String email);
    }

    /** The company's CRM. */
    @FunctionalInterface
    public interface Crm {
        Optional<CrmProfile> profile(String email);
    }
}
