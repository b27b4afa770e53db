package org.redress.camel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.store.ComplaintRegister;
import org.redress.store.Outbox;
import org.redress.store.Outcome;

/** What {@code GET /q/health} answers: that the gateway runs, reaches its database, and how much waits. */
public final class HealthSteps {
    private final ComplaintRegister register;
    private final Outbox outbox;

    public HealthSteps(ComplaintRegister register, Outbox outbox) {
        this.register = register;
        this.outbox = outbox;
    }

    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        try {
            status.put("status", "UP");
            status.put("outboxPending", outbox.count("pending"));
            status.put("quarantined", register.withOutcome(Outcome.QUARANTINED).size());
        } catch (RuntimeException e) {
            status.put("status", "DOWN");
            status.put("database", e.getMessage());
        }
        return status;
    }
}
