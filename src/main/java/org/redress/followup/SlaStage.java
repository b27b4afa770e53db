package org.redress.followup;

import java.util.Locale;

/** How close a ticket is to missing a target: each stage escalates once per ticket and target. */
public enum SlaStage {
    /** {@code redress.sla.warn-at} percent of the target is used. */
    WARNING,
    /** The target is missed. */
    BREACHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
