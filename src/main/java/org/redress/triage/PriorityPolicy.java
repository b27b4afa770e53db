package org.redress.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns hints and what is known about the customer into a Jira priority: each rule that applies names the least
 * priority the complaint deserves, and the highest of them wins. Rules only ever raise the priority above
 * {@code base}; a hint never lowers it.
 *
 * @param levels            the Jira priority names, highest first
 * @param base              the priority of a complaint no rule applies to
 * @param byHint            the least priority per hint kind
 * @param byTier            the least priority per CRM customer tier (lower-case tier names)
 * @param repeatComplainant the least priority of a customer's second and later complaints, or null
 */
public record PriorityPolicy(List<String> levels, String base, Map<HintKind, String> byHint,
                             Map<String, String> byTier, String repeatComplainant) {

    public PriorityPolicy {
        levels = List.copyOf(levels);
        byHint = Map.copyOf(byHint);
        byTier = Map.copyOf(byTier);
    }

    /** The priority and, for the agent, each rule that raised it. */
    public PriorityDecision decide(List<Hint> hints, String tier, boolean repeat) {
        String priority = base;
        List<String> reasons = new ArrayList<>();
        for (Hint hint : hints) {
            String least = byHint.get(hint.kind());
            if (least != null && higher(least, priority)) {
                priority = least;
            }
            if (least != null) {
                reasons.add(hint.kind().code() + " → " + least);
            }
        }
        String tierLeast = tier == null ? null : byTier.get(tier.toLowerCase(Locale.ROOT));
        if (tierLeast != null) {
            reasons.add("customer tier " + tier + " → " + tierLeast);
            if (higher(tierLeast, priority)) {
                priority = tierLeast;
            }
        }
        if (repeat && repeatComplainant != null) {
            reasons.add("repeat complainant → " + repeatComplainant);
            if (higher(repeatComplainant, priority)) {
                priority = repeatComplainant;
            }
        }
        return new PriorityDecision(priority, reasons);
    }

    private boolean higher(String candidate, String current) {
        return levels.indexOf(candidate) < levels.indexOf(current);
    }

    /** The chosen priority and the rules behind it ("legal → High"). */
    public record PriorityDecision(String priority, List<String> reasons) {
        public PriorityDecision {
            reasons = List.copyOf(reasons);
        }
    }
}
