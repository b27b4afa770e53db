package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** A comment as stored; guarded by the {@link SandboxIssues} lock like its issue. */
final class StoredComment {
    long id;
    JsonNode body;
    /** {@code {"type":"role"|"group","value":...}} or null for a comment everyone may see. */
    JsonNode visibility;
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    String authorAccountId;
    String authorEmail;
    String authorName;
    long created;
    long updated;

    /**
     * Jira Service Management hides a comment from the customer when it is restricted or marked
     * with the {@code sd.public.comment} property; the gateway relies on this to keep internal
     * notes internal.
     */
    boolean internal() {
        if (visibility != null && !visibility.isNull()) {
            return true;
        }
        JsonNode flag = properties.get("sd.public.comment");
        return flag != null && flag.path("internal").asBoolean(false);
    }
}
