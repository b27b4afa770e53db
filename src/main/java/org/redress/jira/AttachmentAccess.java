package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Whether Jira lets the gateway put files on a ticket at all, asked when an upload is answered 403. Jira answers 403
 * both to an account it no longer lets in (a revoked token: try later, after someone fixes it) and to files it will
 * never take there (attachments switched off, or an account without the Create Attachments permission). The answer
 * alone cannot tell them apart and Jira's settings can: in the second case every complaint would otherwise wait
 * unacknowledged, because every complaint carries at least its own {@code .eml}.
 */
public final class AttachmentAccess {
    static final String CREATE_ATTACHMENTS = "CREATE_ATTACHMENTS";

    private AttachmentAccess() {
    }

    /**
     * Why Jira takes no files on this ticket, in words for its agents and administrators; empty when Jira's settings
     * say it should (the 403 is then something else, to be tried again).
     *
     * @throws JiraUnavailableException when Jira cannot say
     */
    public static Optional<String> deniedOn(JiraApi jira, String issueKey) {
        Optional<String> switchedOff = switchedOff(jira);
        if (switchedOff.isPresent()) {
            return switchedOff;
        }
        JsonNode permission = jira.myPermissions(JiraApi.PermissionScope.ISSUE, issueKey, List.of(CREATE_ATTACHMENTS))
                .path("permissions").path(CREATE_ATTACHMENTS);
        if (!permission.path("havePermission").asBoolean(true)) {
            return Optional.of("the gateway's Jira account lacks the Create Attachments permission in project "
                    + project(issueKey) + " (the project's permission scheme)");
        }
        return Optional.empty();
    }

    /** Jira's switch for attachments, for the whole site: why no files are taken anywhere, when it is off. */
    static Optional<String> switchedOff(JiraApi jira) {
        return jira.attachmentSettings().path("enabled").asBoolean(true) ? Optional.empty()
                : Optional.of("attachments are switched off in Jira (Jira settings, System, Attachments)");
    }

    /** The project key of an issue key: {@code CS} of {@code CS-12}. */
    private static String project(String issueKey) {
        int dash = issueKey.lastIndexOf('-');
        return dash > 0 ? issueKey.substring(0, dash) : issueKey;
    }
}
