package org.redress.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.redress.config.ConversationConfig;
import org.redress.relay.CustomerUpdates;
import org.redress.relay.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/jira} and the Jira poller ({@code routes/conversation.camel.yaml}): checks the webhook's
 * signature, then hands the event to {@link CustomerUpdates}. Answers 401 without a signature, 403 with a wrong one,
 * 404 while webhooks are off, and 5xx when the event could not be handled, so that Jira sends it again.
 */
public final class JiraEventSteps {
    private static final Logger LOG = LoggerFactory.getLogger(JiraEventSteps.class);

    private final CustomerUpdates updates;
    private final ConversationConfig config;
    private final WebhookSignature signature;
    private final ObjectMapper json;

    public JiraEventSteps(CustomerUpdates updates, ConversationConfig config, ObjectMapper json) {
        this.updates = updates;
        this.config = config;
        this.signature = new WebhookSignature(config.webhookSecret());
        this.json = json;
    }

    public void webhook(Exchange exchange) throws IOException {
        var in = exchange.getIn();
        byte[] body = in.getBody(byte[].class);
        body = body == null ? new byte[0] : body;
        if (!config.webhooks()) {
            answer(exchange, 404, "webhooks are off (redress.conversation.webhooks=false)");
            return;
        }
        switch (signature.check(body, in.getHeader("X-Hub-Signature", String.class))) {
            case MISSING -> {
                LOG.warn("Jira webhook refused: no X-Hub-Signature");
                answer(exchange, 401, "signature required");
                return;
            }
            case WRONG -> {
                LOG.warn("Jira webhook refused: wrong X-Hub-Signature");
                answer(exchange, 403, "bad signature");
                return;
            }
            case VALID -> {
                // go on
            }
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            answer(exchange, 400, "not JSON");
            return;
        }
        for (String done : updates.onEvent(event)) {
            if (done.startsWith("ignored")) {
                LOG.debug("Jira webhook {}: {}", event.path("webhookEvent").asText(), done);
            } else {
                LOG.info("Jira webhook {}: {}", event.path("webhookEvent").asText(), done);
            }
        }
        answer(exchange, 204, null);
    }

    public void poll() {
        for (String done : updates.poll()) {
            LOG.info("Jira poll: {}", done);
        }
    }

    private static void answer(Exchange exchange, int status, String text) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (text == null) {
            message.setBody(null);
        } else {
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
            message.setBody(text);
        }
    }
}
