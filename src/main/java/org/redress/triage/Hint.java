package org.redress.triage;

import java.util.List;

/**
 * One reason to look at a complaint sooner, with the customer's own words that triggered it, so that the agent can
 * judge the hint instead of trusting it.
 */
public record Hint(HintKind kind, List<String> evidence) {
    public Hint {
        evidence = List.copyOf(evidence);
    }
}
