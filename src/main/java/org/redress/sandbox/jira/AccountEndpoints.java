package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Who-am-I and what-is-this endpoints. Clients use them as a connection check; the answers say
 * plainly that this is the Redress Jira sandbox, so nobody mistakes a demo for a real site.
 */
final class AccountEndpoints {

    static final String TITLE = "Redress Jira sandbox";

    private final Supplier<String> baseUrl;
    private final Clock clock;

    AccountEndpoints(Supplier<String> baseUrl, Clock clock) {
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    void myself(HttpCall call, SandboxUser user) {
        ObjectNode node = new IssueJson(baseUrl.get(), key -> null)
                .user(user.accountId(), user.emailAddress(), user.displayName());
        node.put("locale", "en_US");
        call.json(200, node);
    }

    void serverInfo(HttpCall call, SandboxUser user) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("baseUrl", baseUrl.get());
        node.put("displayUrl", baseUrl.get());
        node.put("version", "0.1.0-redress-sandbox");
        node.putArray("versionNumbers").add(0).add(1).add(0);
        node.put("deploymentType", "Cloud");
        node.put("buildNumber", 1);
        node.put("buildDate", JiraTime.format(0));
        node.put("serverTime", JiraTime.format(clock.millis()));
        node.put("serverTimeZone", "UTC");
        node.put("scmInfo", "redress-jira-sandbox");
        node.put("serverTitle", TITLE + " (not Jira; emulates a subset of the Jira Cloud REST API v3)");
        call.json(200, node);
    }
}
