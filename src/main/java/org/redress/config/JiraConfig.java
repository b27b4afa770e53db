package org.redress.config;

/**
 * Where tickets go: Jira Cloud (REST v3, text as ADF) or Jira Data Center / Server (REST v2, text as wiki markup,
 * usually a personal access token as bearer).
 *
 * @param flavour          cloud or datacenter ({@code redress.jira.flavour})
 * @param auth             basic (e-mail + API token) or bearer (personal access or OAuth token)
 * @param customerProperty the issue property that keeps the customer's address, so that the gateway can find a
 *                         customer's tickets again through JQL
 */
public record JiraConfig(String url, JiraAuth auth, String user, String token, String customerProperty,
                         Flavour flavour) {

    /** Which Jira: the REST version and text format differ. */
    public enum Flavour {
        CLOUD("/rest/api/3"), DATACENTER("/rest/api/2");

        private final String api;

        Flavour(String api) {
            this.api = api;
        }

        /** The REST API's base path. */
        public String api() {
            return api;
        }
    }

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
