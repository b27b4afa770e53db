package org.redress.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything known about a customer before their new complaint is filed: earlier complaints with their outcome
 * (from the register and from Jira, so complaints older than the gateway count), and the CRM's profile. Sources that
 * could not be asked are listed in {@code unavailable}: an empty history and an unknown one are not the same thing.
 *
 * @param earlier     earlier complaints, oldest first
 * @param crm         the CRM profile, or null when there is no CRM or it does not know the customer
 * @param unavailable one line per source that failed ("Jira search: 503 …")
 */
public record CustomerHistory(String email, List<PastComplaint> earlier, CrmProfile crm, List<String> unavailable) {
    public static final String REPEAT_LABEL = "repeat-complainant";
    public static final String VIP_LABEL = "vip";
    public static final String UNAVAILABLE_LABEL = "history-unavailable";

    public CustomerHistory {
        earlier = earlier.stream().sorted(Comparator.comparing(PastComplaint::receivedAt,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        unavailable = List.copyOf(unavailable);
    }

    public boolean repeat() {
        return !earlier.isEmpty();
    }

    public boolean complete() {
        return unavailable.isEmpty();
    }

    public List<PastComplaint> open() {
        return earlier.stream().filter(PastComplaint::open).toList();
    }

    /** The first complaint we know of, or null for a first-time complainant. */
    public Instant firstContact() {
        return earlier.stream().map(PastComplaint::receivedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    public String tier() {
        return crm == null ? null : crm.tier();
    }

    public boolean vip(Set<String> vipTiers) {
        return tier() != null && vipTiers.contains(tier().toLowerCase(Locale.ROOT));
    }

    /** Jira labels that let agents filter: repeat-complainant, vip, history-unavailable. */
    public List<String> labels(Set<String> vipTiers) {
        List<String> labels = new java.util.ArrayList<>();
        if (repeat()) {
            labels.add(REPEAT_LABEL);
        }
        if (vip(vipTiers)) {
            labels.add(VIP_LABEL);
        }
        if (!complete()) {
            labels.add(UNAVAILABLE_LABEL);
        }
        return labels;
    }
}
