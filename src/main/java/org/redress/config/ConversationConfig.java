package org.redress.config;

import java.time.Duration;

/**
 * How the gateway carries on a conversation after the first answer.
 *
 * @param webhooks          whether {@code POST /webhooks/jira} is served (Jira reaches the gateway)
 * @param webhookSecret     the secret the Jira webhook was registered with; unsigned or badly signed calls are refused
 * @param pollInterval      how often to ask Jira for new comments and resolutions; zero turns polling off (the
 *                          fallback for Jira sites that cannot reach the gateway)
 * @param internalMarker    a comment starting with this text is internal even without a visibility restriction
 * @param resolvedReply     what a customer's reply to a resolved ticket does
 * @param reopenTransition  the name of the transition that reopens a resolved ticket
 * @param followUpLink      the issue link type that ties a follow-up ticket to the resolved one
 */
public record ConversationConfig(boolean webhooks, String webhookSecret, Duration pollInterval, String internalMarker,
                                 ResolvedReply resolvedReply, String reopenTransition, String followUpLink) {

    public enum ResolvedReply { REOPEN, FOLLOW_UP }

    public boolean polling() {
        return !pollInterval.isZero();
    }

    @Override
    public String toString() {
        return "Conversation[webhooks=" + webhooks + " secret=**** poll=" + pollInterval + " resolvedReply="
                + resolvedReply + "]";
    }
}
