package org.redress.followup;

import java.util.Locale;

/** The two promises a complaint desk is measured by. */
public enum SlaTarget {
    /** An agent's first public answer (the automatic acknowledgement does not count). */
    FIRST_RESPONSE,
    RESOLUTION;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
