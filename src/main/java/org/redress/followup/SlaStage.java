package org.redress.followup;

/** How close a ticket is to missing a target: each stage escalates once per ticket and target. */
public enum SlaStage {
    WARNING("warning", "is at risk of missing"),
    BREACHED("breached", "has missed");

    private final String code;
    private final String wording;

    SlaStage(String code, String wording) {
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
