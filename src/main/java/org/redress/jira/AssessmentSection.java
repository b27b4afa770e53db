package org.redress.jira;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.redress.history.CrmProfile;
import org.redress.history.CustomerHistory;
import org.redress.history.PastComplaint;
import org.redress.triage.Assessment;
import org.redress.triage.Hint;

/**
 * The part of a new ticket that tells the agent who the customer is and why the ticket has its priority: the
 * "Customer history" and "Priority hints" sections of the description, and the labels agents filter on.
 */
final class AssessmentSection {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AssessmentSection() {
    }

    static void describe(Adf adf, Assessment assessment) {
        history(adf, assessment.history());
        hints(adf, assessment);
    }

    /** repeat-complainant, vip, history-unavailable, hint-legal…, category-refund. */
    static List<String> labels(Assessment assessment, Set<String> vipTiers) {
        List<String> labels = new ArrayList<>(assessment.history().labels(vipTiers));
        for (Hint hint : assessment.hints()) {
            labels.add("hint-" + hint.kind().code());
        }
        labels.add("category-" + assessment.category());
        return labels.stream().map(JiraLimits::label).toList();
    }

    private static void history(Adf adf, CustomerHistory history) {
        adf.heading(3, "Customer history");
        if (!history.complete()) {
            adf.paragraph("History unavailable from " + String.join("; ", history.unavailable())
                    + ". What follows may be incomplete: check before relying on it.");
        }
        CrmProfile crm = history.crm();
        if (crm != null) {
            List<String> facts = new ArrayList<>();
            if (crm.name() != null) {
                facts.add(crm.name());
            }
            if (crm.tier() != null) {
                facts.add("tier " + crm.tier());
            }
            if (crm.customerSince() != null) {
                facts.add("customer since " + crm.customerSince());
            }
            if (crm.lifetimeValue() != null) {
                facts.add("lifetime value " + crm.lifetimeValue().toPlainString());
            }
            if (crm.preferredLanguage() != null) {
                facts.add("prefers " + crm.preferredLanguage());
            }
            adf.labelled("CRM", String.join(" · ", facts));
        }
        if (!history.repeat()) {
            adf.paragraph(history.complete() ? "First complaint from this address." : "No earlier complaint found.");
            return;
        }
        int open = history.open().size();
        adf.paragraph(history.earlier().size() + " earlier complaint" + (history.earlier().size() == 1 ? "" : "s")
                + (history.firstContact() == null ? "" : " since " + DAY.format(history.firstContact()))
                + (open == 0 ? ", none open." : ", " + open + " still open.")
                + " Linked to this ticket. Give the benefit of the doubt; the record is here so nobody asks twice.");
        List<String> items = new ArrayList<>();
        for (PastComplaint earlier : history.earlier()) {
            items.add(earlier.ticketKey() + " — " + day(earlier.receivedAt()) + " — "
                    + (earlier.subject() == null ? "" : "“" + earlier.subject() + "” — ") + earlier.outcome()
                    + (earlier.satisfaction() == null ? "" : " — satisfaction " + earlier.satisfaction() + "/5"));
        }
        adf.bulletList(items);
    }

    private static void hints(Adf adf, Assessment assessment) {
        adf.heading(3, "Priority hints");
        List<String> items = new ArrayList<>();
        for (Hint hint : assessment.hints()) {
            items.add(title(hint) + ": " + String.join(", ", hint.evidence().stream().map(e -> "“" + e + "”").toList()));
        }
        if (items.isEmpty()) {
            adf.paragraph("None found.");
        } else {
            adf.bulletList(items);
        }
        var priority = assessment.priority();
        adf.labelled("Priority", priority.priority() + (priority.reasons().isEmpty() ? " (default)"
                : " (" + String.join(", ", priority.reasons()) + ")"));
        adf.labelled("Category", assessment.category());
    }

    private static String title(Hint hint) {
        return switch (hint.kind()) {
            case LEGAL -> "Legal or escalation language";
            case HOSTILITY -> "Strong hostility";
            case MONEY -> "Money at stake";
            case ORDER_REFERENCE -> "Order or invoice reference";
        };
    }

    private static String day(Instant instant) {
        return instant == null ? "date unknown" : DAY.format(instant);
    }
}
