package org.redress.followup;

/** The two promises a complaint desk is measured by. */
public enum SlaTarget {
    FIRST_RESPONSE("first-response", "its first-response target"),
    RESOLUTION("resolution", "its resolution target");

    private final String code;
    private final String wording;

    SlaTarget(String code, String wording) {
        this.code = code;
        this.wording = wording;
    }

    public String code() {
        return code;
    }

    String wording() {
        return wording;
    }
}
