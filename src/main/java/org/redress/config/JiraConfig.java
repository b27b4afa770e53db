package org.redress.config;

/**
 * Where tickets go. Cloud uses REST v3 with ADF text; Data Center (REST v2, wiki text) is not built yet and is
 * refused at start-up rather than half-working.
 *
 * @param auth             basic (e-mail + API token) or bearer (personal access or OAuth token)
 * @param customerProperty the issue property that keeps the customer's address, so that the gateway can find a
 *                         customer's tickets again through JQL
 */
public record JiraConfig(String url, JiraAuth auth, String user, String token, String customerProperty) {

    public enum JiraAuth { BASIC, BEARER }

    public String authorizationHeader() {
        if (auth == JiraAuth.BEARER) {
            return "Bearer " + token;
        }
        String pair = user + ":" + token;
        return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Jira[" + url + " auth=" + auth + " user=" + user + " token=****]";
    }
}
