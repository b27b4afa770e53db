package org.redress.relay;

import com.fasterxml.jackson.databind.JsonNode;
import org.redress.jira.AdfText;

/**
 * Whether an agent's comment may reach the customer. Internal notes must never leave Jira: a comment restricted to
 * a role or group, one Jira Service Management marks internal ({@code jsdPublic: false}), or one that starts with
 * the configured marker.
 */
public final class CommentVisibility {
    private final String internalMarker;

    public CommentVisibility(String internalMarker) {
        this.internalMarker = internalMarker == null ? "" : internalMarker.strip();
    }

    public boolean isPublic(JsonNode comment) {
        JsonNode visibility = comment.path("visibility");
        if (!visibility.isMissingNode() && !visibility.isNull() && !visibility.isEmpty()) {
            return false;
        }
        if (comment.has("jsdPublic") && !comment.path("jsdPublic").asBoolean(true)) {
            return false;
        }
        return internalMarker.isEmpty() || !AdfText.plain(comment.path("body")).startsWith(internalMarker);
    }
}
