package org.redress.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The Jira REST calls the gateway makes, whatever carries them. Implementations throw
 * {@link JiraUnavailableException} when trying again later may work and {@link JiraRejectedException} when Jira
 * refused the request itself.
 */
public interface JiraApi {

    /** POST /rest/api/3/issue; returns the new issue's key. */
    String createIssue(JsonNode request);

    /** POST /rest/api/3/issue/{key}/attachments, one file per request. */
    void attach(String issueKey, Upload upload);

    /** GET /rest/api/3/issue/{key}/properties/{property}; null when the issue or the property does not exist. */
    JsonNode issueProperty(String issueKey, String property);

    /** POST /rest/api/3/search/jql; the issues' keys in the order Jira returns them. */
    List<String> searchKeys(String jql, int maxResults);
}
