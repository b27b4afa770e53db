package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who a Jira user is, in either Jira: Cloud names people by {@code accountId}; Data Center has none and names them
 * by {@code key} (stable) or {@code name} (the login).
 */
public final class JiraUsers {
    private JiraUsers() {
    }

    /** The user's id, or an empty string when the JSON names nobody. */
    public static String id(JsonNode user) {
        for (String field : new String[] {"accountId", "key", "name"}) {
            String value = user.path(field).asText("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    /** True when both name the same user; two users naming nobody are not the same. */
    public static boolean same(JsonNode user, String id) {
        String own = id(user);
        return !own.isEmpty() && own.equals(id);
    }
}
