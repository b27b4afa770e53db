package org.redress.triage;

import java.util.List;
import org.redress.history.CustomerHistory;

/**
 * What the gateway makes of a new complaint before filing it: what it is about, what makes it urgent, who the
 * customer is. It goes into the ticket (description, labels, priority), the acknowledgement and the register.
 */
public record Assessment(String category, List<Hint> hints, PriorityPolicy.PriorityDecision priority,
                         CustomerHistory history) {
    public Assessment {
        hints = List.copyOf(hints);
    }
}
