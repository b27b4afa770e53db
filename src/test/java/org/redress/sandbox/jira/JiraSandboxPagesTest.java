package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.sandbox.jira.SandboxHttp.JSON;
import static org.redress.sandbox.jira.SandboxHttp.doc;

class JiraSandboxPagesTest {

    private JiraSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxHttp.started("CS");
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String page(String path) {
        var response = http.send("GET", path, null, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static ObjectNode richDescription() {
        ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        ObjectNode heading = content.addObject().put("type", "heading");
        heading.putObject("attrs").put("level", 2);
        heading.putArray("content").addObject().put("type", "text").put("text", "What happened");
        ObjectNode paragraph = content.addObject().put("type", "paragraph");
        ArrayNode inline = paragraph.putArray("content");
        inline.addObject().put("type", "text").put("text", "Line one <img src=x onerror=alert(1)>");
        inline.addObject().put("type", "hardBreak");
        ObjectNode link = inline.addObject().put("type", "text").put("text", "click");
        link.putArray("marks").addObject().put("type", "link").putObject("attrs").put("href", "javascript:alert(1)");
        ObjectNode list = content.addObject().put("type", "bulletList");
        ObjectNode item = list.putArray("content").addObject().put("type", "listItem");
        item.putArray("content").addObject().put("type", "paragraph")
                .putArray("content").addObject().put("type", "text").put("text", "first point");
        ObjectNode code = content.addObject().put("type", "codeBlock");
        code.putArray("content").addObject().put("type", "text").put("text", "Order #123 & \"quoted\"");
        return doc;
    }

    @Test
    void indexListsIssuesNewestFirstAndEscapesCustomerText() {
        http.create("CS", "Older", null);
        ObjectNode body = JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", "CS");
        fields.putObject("issuetype").put("name", "Bug");
        fields.put("summary", "<script>alert('x')</script>");
        fields.putArray("labels").add("complaint");
        http.post("/rest/api/3/issue", body);
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        http.upload("CS-2", multipart.file("photo <1>.png", "image/png", new byte[]{1}).build(), multipart.boundary, true);

        String html = page("/");

        assertThat(html).contains("<title>Redress Jira sandbox</title>");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html.indexOf("CS-2")).isLessThan(html.indexOf("CS-1"));
        assertThat(html).contains("complaint").contains("To Do").contains("/secure/attachment/10000/photo%20%3C1%3E.png")
                .contains("photo &lt;1&gt;.png");
        assertThat(html).doesNotContain("Atlassian Jira").doesNotContain("atlassian.net");
    }

    @Test
    void issuePageRendersAdfAsReadableTextAndMarksInternalComments() {
        http.create("CS", "Rich", richDescription());
        ObjectNode internal = JSON.createObjectNode();
        internal.set("body", doc("Agents only"));
        internal.putObject("visibility").put("type", "role").put("value", "Agents");
        http.post("/rest/api/3/issue/CS-1/comment", internal);
        ObjectNode reply = JSON.createObjectNode();
        reply.set("body", doc("Dear customer"));
        http.post("/rest/api/3/issue/CS-1/comment", reply);

        String html = page("/browse/CS-1");

        assertThat(html).contains("What happened</h4>");
        assertThat(html).contains("Line one &lt;img src=x onerror=alert(1)&gt;<br>click");
        assertThat(html).doesNotContain("javascript:").doesNotContain("<img");
        assertThat(html).contains("<ul><li><p>first point</p></li></ul>");
        assertThat(html).contains("<pre><code>Order #123 &amp; &quot;quoted&quot;</code></pre>");
        assertThat(html).contains("Internal note").contains("Agents only").contains("Shared with the customer").contains("Dear customer");
    }

    @Test
    void unknownIssuePageIs404AndPagesNeedNoLoginButApiDoes() {
        var missing = http.send("GET", "/browse/CS-404", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(http.send("GET", "/rest/api/3/issue/CS-1", null, null).statusCode()).isEqualTo(401);
        var other = http.send("GET", "/favicon.ico", null, null);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(new SandboxHttp.Response(other).json().path("errorMessages").isArray()).isTrue();
    }
}
