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

    /**
     * POST /rest/api/3/issue/{key}/attachments with every file in one request, each its own {@code file} part, in
     * order: Jira stores each as an attachment of its own.
     */
    void attach(String issueKey, List<Upload> uploads);

    /** GET /rest/api/3/issue/{key}/properties/{property}; null when the issue or the property does not exist. */
    JsonNode issueProperty(String issueKey, String property);

    /** POST /rest/api/3/search/jql; the issues' keys in the order Jira returns them. */
    List<String> searchKeys(String jql, int maxResults);

    /** POST /rest/api/3/search/jql with the named fields; the issues as Jira returns them (up to maxResults). */
    List<JsonNode> searchIssues(String jql, List<String> fields, int maxResults);

    /** GET /rest/api/3/issue/{key}?fields=…; null when there is no such issue (or we may not see it). */
    JsonNode issue(String issueKey, List<String> fields);

    /** POST /rest/api/3/issue/{key}/comment with an ADF body; returns the new comment's id. */
    String addComment(String issueKey, JsonNode adfBody);

    /**
     * POST /rest/api/3/issue/{key}/comment marked internal (Jira Service Management's {@code sd.public.comment}
     * property): a note for agents that the relay never sends to the customer.
     */
    String addInternalComment(String issueKey, JsonNode adfBody);

    /** PUT /rest/api/3/issue/{key} with {@code fields} and {@code update} operations. */
    void editIssue(String issueKey, JsonNode edit);

    /** GET /rest/api/3/issue/{key}/comment, every page, oldest first. */
    List<JsonNode> comments(String issueKey);

    /** GET /rest/api/3/issue/{key}/transitions: the transitions offered from the issue's status now. */
    List<JsonNode> transitions(String issueKey);

    /** POST /rest/api/3/issue/{key}/transitions. */
    void transition(String issueKey, String transitionId);

    /** POST /rest/api/3/issueLink: {@code inwardKey} "relates to" (or the type's wording) {@code outwardKey}. */
    void link(String linkType, String inwardKey, String outwardKey);

    /** GET /rest/api/3/myself: the account the gateway acts as. */
    JsonNode myself();

    /** GET /rest/api/3/attachment/meta: {@code enabled} (whether Jira takes files at all) and {@code uploadLimit}. */
    JsonNode attachmentSettings();

    /** Where {@link #myPermissions} asks: in a whole project, or on one issue. */
    enum PermissionScope { PROJECT, ISSUE }

    /**
     * GET /rest/api/3/mypermissions?projectKey=…|issueKey=…&permissions=…: for each permission key asked, whether the
     * gateway's account has it there ({@code permissions.<KEY>.havePermission}).
     */
    JsonNode myPermissions(PermissionScope scope, String key, List<String> permissions);

    /** GET /rest/api/3/issue/createmeta/{project}/issuetypes, every page: the issue types one may create there. */
    List<JsonNode> issueTypes(String projectKey);

    /** GET /rest/api/3/attachment/content/{id}: the file's bytes. */
    byte[] attachmentContent(String attachmentId);
}
