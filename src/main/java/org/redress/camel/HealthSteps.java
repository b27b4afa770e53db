package org.redress.camel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.redress.health.GatewayHealth;
import org.redress.store.ComplaintRegister;
import org.redress.store.Outbox;
import org.redress.store.Outcome;

/**
 * What {@code GET /q/health} answers: the database, each inbox's mail server, Jira and SMTP, each UP or DOWN with
 * what it is based on, and how much waits. DOWN anywhere answers 503, so that a load balancer or an orchestrator's
 * readiness probe sees it; {@code /q/health/live} only says the process answers (restarting the gateway does not
 * bring a mail server back).
 */
public final class HealthSteps {
    private final ComplaintRegister register;
    private final Outbox outbox;
    private final GatewayHealth health;

    private final org.redress.oauth.OAuthTokens tokens;

    /** Several nodes: an inbox another node polls is STANDBY here, not DOWN. */
    private final boolean clustered;

    public HealthSteps(ComplaintRegister register, Outbox outbox, GatewayHealth health,
                       org.redress.oauth.OAuthTokens tokens, boolean clustered) {
        this.tokens = tokens;
        this.clustered = clustered;
        this.register = register;
        this.outbox = outbox;
        this.health = health;
    }

    public Map<String, Object> status(Exchange exchange) {
        Map<String, Object> status = new LinkedHashMap<>();
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean up = true;
        Map<String, Object> database = new LinkedHashMap<>();
        try {
            status.put("outboxPending", outbox.count("pending"));
            status.put("quarantined", register.count(Outcome.QUARANTINED));
            database.put("status", "UP");
        } catch (RuntimeException e) {
            database.put("status", "DOWN");
            database.put("lastError", e.getMessage());
            up = false;
        }
        checks.put("database", database);
        for (var part : health.describe().entrySet()) {
            if (clustered && part.getKey().startsWith("inbox.") && !pollsHere(exchange, part.getKey())) {
                String routeId = "inbox-" + part.getKey().substring("inbox.".length());
                if (ClusterSingletons.leaderElsewhere(exchange.getContext(), routeId)) {
                    checks.put(part.getKey(), Map.of("status", "STANDBY", "note", "polled by another node"));
                } else {
                    checks.put(part.getKey(), Map.of("status", "DOWN", "lastError", "no node of the cluster polls "
                            + "this inbox: no leader in its election (is the cluster service reachable?)"));
                    up = false;
                }
                continue;
            }
            checks.put(part.getKey(), part.getValue());
            up &= "UP".equals(part.getValue().get("status"));
        }
        for (org.redress.oauth.MailboxToken token : tokens.all()) {
            // DOWN once no valid token is left; a failing refresh shows while the old token still works
            Map<String, Object> check = new LinkedHashMap<>();
            boolean valid = !token.validFor().isZero();
            check.put("status", valid ? "UP" : "DOWN");
            check.put("validForSeconds", token.validFor().toSeconds());
            check.put("refreshFailures", token.failures());
            if (token.lastError() != null) {
                check.put("lastError", token.lastError());
            }
            checks.put("oauth." + token.account(), check);
            up &= valid;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", up ? "UP" : "DOWN");
        answer.putAll(status);
        answer.put("checks", checks);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, up ? 200 : 503);
        return answer;
    }

    /** Whether this node won the inbox's election: its route is started here. */
    private static boolean pollsHere(Exchange exchange, String check) {
        String routeId = "inbox-" + check.substring("inbox.".length());
        return exchange.getContext().getRouteController().getRouteStatus(routeId) == org.apache.camel.ServiceStatus.Started;
    }

    public Map<String, Object> live() {
        return Map.of("status", "UP");
    }
}
