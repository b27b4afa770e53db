package org.redress.camel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.store.ComplaintRegister;
import org.redress.store.Outcome;
import org.redress.store.RegisterEntry;

/**
 * {@code GET /q/quarantine} and {@code GET /q/quarantine/{id}}: what was quarantined and why, and each raw mail back
 * as it arrived, readable while the gateway runs (an embedded H2 file is open in one process only).
 */
public final class QuarantineSteps {
    private final ComplaintRegister register;
    private final org.redress.intake.QuarantineAlerts alerts;

    public QuarantineSteps(ComplaintRegister register, org.redress.intake.QuarantineAlerts alerts) {
        this.register = register;
        this.alerts = alerts;
    }

    /** The {@code quarantine-alerts} timer's step: tells agents in Jira about quarantined mail. */
    public int raiseAlerts() {
        return alerts.raise();
    }

    public List<Map<String, Object>> list() {
        return register.withOutcome(Outcome.QUARANTINED).stream().map(QuarantineSteps::describe).toList();
    }

    /** The raw mail, or null (answered 404) when no quarantined mail has this id. */
    public byte[] rawMail(String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
        return register.byId(number).filter(e -> e.outcome() == Outcome.QUARANTINED).map(register::rawMail)
                .orElse(null);
    }

    private static Map<String, Object> describe(RegisterEntry entry) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", entry.id());
        item.put("inbox", entry.inbox());
        item.put("messageId", entry.messageId());
        item.put("from", entry.sender());
        item.put("subject", entry.subject());
        item.put("receivedAt", String.valueOf(entry.receivedAt()));
        item.put("quarantinedAt", String.valueOf(entry.completedAt()));
        item.put("attempts", entry.attempts());
        item.put("reason", entry.reason());
        item.put("rawMail", "/q/quarantine/" + entry.id());
        return item;
    }
}
