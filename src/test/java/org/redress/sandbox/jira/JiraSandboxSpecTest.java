package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.JiraSpecValidator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.redress.sandbox.jira.SandboxHttp.JSON;
import static org.redress.sandbox.jira.SandboxHttp.doc;

/**
 * Holds the sandbox to Atlassian's published spec: requests a well-behaved client sends must be
 * valid, the validator must catch the mistakes a client can make, and the sandbox's answers must
 * have the documented shapes.
 */
class JiraSandboxSpecTest {

    private JiraSpecValidator spec;
    private JiraSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        // the parsed spec is shared per JVM; each test gets its own list of violations
        spec = JiraSpecValidator.fromSharedSpec().orElse(null);
        assumeTrue(spec != null, "Jira OpenAPI spec not found at " + JiraSpecValidator.specFile().toAbsolutePath()
                + "; set -Dredress.shared.dir to the shared folder to run the spec checks");
        sandbox = SandboxHttp.started("CS");
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Drives every endpoint the way the gateway does. */
    private void exerciseEveryEndpoint() {
        http.get("/rest/api/3/myself");
        http.get("/rest/api/3/serverInfo");
        ObjectNode create = JSON.createObjectNode();
        ObjectNode fields = create.putObject("fields");
        fields.putObject("project").put("key", "CS");
        fields.putObject("issuetype").put("name", "Service request");
        fields.put("summary", "Broken vase");
        fields.set("description", doc("It arrived broken."));
        fields.putArray("labels").add("complaint");
        create.putArray("properties").addObject().put("key", "redress.complaint").putObject("value").put("email", "a@b.c");
        assertThat(http.post("/rest/api/3/issue", create).status()).isEqualTo(201);
        http.get("/rest/api/3/issue/CS-1");
        http.get("/rest/api/3/issue/CS-1?fields=summary,status&properties=redress.complaint");
        ObjectNode edit = JSON.createObjectNode();
        edit.putObject("update").putArray("labels").addObject().put("add", "ack-sent");
        assertThat(http.put("/rest/api/3/issue/CS-1?notifyUsers=false", edit).status()).isEqualTo(204);
        ObjectNode comment = JSON.createObjectNode();
        comment.set("body", doc("Internal"));
        comment.putObject("visibility").put("type", "role").put("value", "Service Desk Team");
        assertThat(http.post("/rest/api/3/issue/CS-1/comment", comment).status()).isEqualTo(201);
        http.get("/rest/api/3/issue/CS-1/comment?startAt=0&maxResults=50&orderBy=-created");
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        SandboxHttp.Response upload = http.upload("CS-1",
                multipart.file("note.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)).build(), multipart.boundary, true);
        assertThat(upload.status()).isEqualTo(200);
        String attachmentId = upload.json().get(0).path("id").asText();
        http.get("/rest/api/3/attachment/" + attachmentId);
        http.get("/rest/api/3/attachment/meta");
        http.get("/rest/api/3/mypermissions?issueKey=CS-1&permissions=CREATE_ATTACHMENTS,ADD_COMMENTS");
        http.get("/rest/api/3/mypermissions?projectKey=CS&permissions=CREATE_ISSUES");
        http.get("/rest/api/3/issue/createmeta/CS/issuetypes");
        http.get("/rest/api/3/issue/createmeta/CS/issuetypes?startAt=2&maxResults=1");
        http.send("GET", "/rest/api/3/attachment/content/" + attachmentId + "?redirect=false", null, null, "Authorization", SandboxHttp.BASIC);
        http.search("project = CS AND issue.property[redress.complaint].email = \"a@b.c\"", "fields=summary,labels", "maxResults=10");
        ObjectNode search = JSON.createObjectNode().put("jql", "project = CS AND updated >= -1d").put("maxResults", 5);
        search.putArray("fields").add("summary");
        http.post("/rest/api/3/search/jql", search);
        http.get("/rest/api/3/issue/CS-1/transitions");
        ObjectNode transition = JSON.createObjectNode();
        transition.putObject("transition").put("id", "41");
        transition.putObject("fields").putObject("resolution").put("name", "Done");
        assertThat(http.post("/rest/api/3/issue/CS-1/transitions", transition).status()).isEqualTo(204);
        http.put("/rest/api/3/issue/CS-1/properties/redress.state", JSON.createObjectNode().put("step", "closed"));
        http.get("/rest/api/3/issue/CS-1/properties");
        http.get("/rest/api/3/issue/CS-1/properties/redress.state");
        assertThat(http.delete("/rest/api/3/issue/CS-1/properties/redress.state").status()).isEqualTo(204);
        http.get("/rest/api/3/issueLinkType");
        http.create("Same vase, second mail");
        ObjectNode link = JSON.createObjectNode();
        link.putObject("type").put("name", "Relates");
        link.putObject("inwardIssue").put("key", "CS-2");
        link.putObject("outwardIssue").put("key", "CS-1");
        assertThat(http.post("/rest/api/3/issueLink", link).status()).isEqualTo(201);
        ObjectNode linkWithComment = JSON.createObjectNode();
        linkWithComment.putObject("type").put("id", "10002");
        linkWithComment.putObject("inwardIssue").put("id", sandbox.issue("CS-2").path("id").asText());
        linkWithComment.putObject("outwardIssue").put("key", "CS-1");
        linkWithComment.putObject("comment").set("body", doc("Duplicate of CS-1."));
        assertThat(http.post("/rest/api/3/issueLink", linkWithComment).status()).isEqualTo(201);
        http.get("/rest/api/3/issue/CS-1?fields=issuelinks");
        http.search("project = CS", "fields=summary,issuelinks");
    }

    @Test
    void everyRequestInThisTestIsValidAgainstTheSpec() {
        sandbox.setRequestListener(spec.recorder());

        exerciseEveryEndpoint();

        assertThat(spec.violations()).isEmpty();
        assertThat(http.exchanges).hasSizeGreaterThanOrEqualTo(24)
                .allSatisfy(e -> assertThat(e.status()).as(e.method() + " " + e.path()).isBetween(200, 299));
    }

    @Test
    void everySuccessfulAnswerHasTheShapeTheSpecDocuments() {
        exerciseEveryEndpoint();

        List<String> problems = new ArrayList<>();
        for (SandboxHttp.Exchange exchange : http.exchanges) {
            RecordedRequest request = new RecordedRequest(exchange.method(), exchange.path(), exchange.rawQuery(), Map.of(), new byte[0]);
            problems.addAll(spec.validateResponse(request, exchange.status(), exchange.contentType(), exchange.body()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void errorAnswersAreJiraErrorCollections() {
        http.get("/rest/api/3/issue/CS-404");
        ObjectNode link = JSON.createObjectNode();
        link.putObject("type").put("name", "Causes");
        link.putObject("inwardIssue").put("key", "CS-404");
        link.putObject("outwardIssue").put("key", "CS-405");
        http.post("/rest/api/3/issueLink", link);
        http.search("project = CS OR project = X");
        ObjectNode create = JSON.createObjectNode();
        create.putObject("fields").put("summary", "a\nb");
        http.post("/rest/api/3/issue", create);
        http.get("/rest/api/3/mypermissions?projectKey=CS");
        http.get("/rest/api/3/mypermissions?projectKey=NOPE&permissions=CREATE_ISSUES");
        http.get("/rest/api/3/issue/createmeta/NOPE/issuetypes");

        List<String> problems = new ArrayList<>();
        for (SandboxHttp.Exchange exchange : http.exchanges) {
            assertThat(exchange.status()).isGreaterThanOrEqualTo(400);
            RecordedRequest request = new RecordedRequest(exchange.method(), exchange.path(), exchange.rawQuery(), Map.of(), new byte[0]);
            problems.addAll(spec.validateResponse(request, exchange.status(), exchange.contentType(), exchange.body()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void validatorCatchesUnknownPathsWrongBodyTypesAndUnknownParameters() {
        sandbox.setRequestListener(spec.recorder());

        http.get("/rest/api/3/issue/CS-1/nonsense");
        http.post("/rest/api/3/issue", "[\"not\", \"an\", \"object\"]");
        http.post("/rest/api/3/search/jql", JSON.createObjectNode().put("jql", "project = CS").put("maxResults", "ten"));
        http.get("/rest/api/3/issue/CS-1?expandAll=true");
        ObjectNode comment = JSON.createObjectNode();
        comment.set("body", doc("x"));
        comment.putObject("visibility").put("type", "user").put("value", "bob");
        http.post("/rest/api/3/issue/CS-1/comment", comment);
        http.delete("/rest/api/3/myself");
        http.get("/browse/CS-1");

        List<String> violations = spec.violations();
        assertThat(violations).hasSize(6);
        assertThat(violations.get(0)).startsWith("GET /rest/api/3/issue/CS-1/nonsense: ").contains("No API path found");
        assertThat(violations.get(1)).startsWith("POST /rest/api/3/issue: ").contains("array");
        assertThat(violations.get(2)).startsWith("POST /rest/api/3/search/jql: ").contains("maxResults");
        assertThat(violations.get(3)).contains("expandAll");
        assertThat(violations.get(4)).contains("visibility");
        assertThat(violations.get(5)).startsWith("DELETE /rest/api/3/myself: ");
    }
}
