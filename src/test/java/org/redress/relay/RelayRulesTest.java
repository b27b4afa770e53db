package org.redress.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.redress.jira.AdfText;

class RelayRulesTest {
    private final ObjectMapper json = new ObjectMapper();
    private final WebhookSignature signature = new WebhookSignature("s3cret");
    private final CommentVisibility visibility = new CommentVisibility("[internal]");

    @Test
    void signatureOfTheExactBodyIsValidAndAnythingElseIsNot() {
        byte[] body = "{\"webhookEvent\":\"comment_created\"}".getBytes(StandardCharsets.UTF_8);
        String header = signature.header(body);
        assertThat(header).startsWith("sha256=").hasSize(7 + 64);
        assertThat(signature.check(body, header)).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(signature.check(body, header.toUpperCase().replace("SHA256=", "sha256="))).isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(signature.check(body, null)).isEqualTo(WebhookSignature.Verdict.MISSING);
        assertThat(signature.check(body, "sha256=zz")).isEqualTo(WebhookSignature.Verdict.WRONG);
        assertThat(signature.check(body, "sha1=" + header.substring(7))).isEqualTo(WebhookSignature.Verdict.WRONG);
        assertThat(new WebhookSignature("other").check(body, header)).isEqualTo(WebhookSignature.Verdict.WRONG);
        byte[] tampered = "{\"webhookEvent\":\"comment_created\" }".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.check(tampered, header)).isEqualTo(WebhookSignature.Verdict.WRONG);
    }

    @Test
    void restrictedMarkedOrServiceDeskInternalCommentsAreNeverPublic() throws Exception {
        assertThat(visibility.isPublic(comment("Your refund is on its way.", ""))).isTrue();
        assertThat(visibility.isPublic(comment("CCTV shows otherwise", ",\"visibility\":{\"type\":\"role\",\"value\":\"Administrators\"}"))).isFalse();
        assertThat(visibility.isPublic(comment("note", ",\"jsdPublic\":false"))).isFalse();
        assertThat(visibility.isPublic(comment("[internal] approved by Sam", ""))).isFalse();
    }

    @Test
    void adfCommentBecomesReadableTextWithListsAndBreaks() throws Exception {
        JsonNode doc = json.readTree("""
                {"type":"doc","version":1,"content":[
                 {"type":"paragraph","content":[{"type":"text","text":"Hello "},{"type":"mention","attrs":{"text":"@Tom"}},
                   {"type":"hardBreak"},{"type":"text","text":"two things:"}]},
                 {"type":"bulletList","content":[
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a voucher"}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"an apology"}]}]}]},
                 {"type":"mediaSingle","content":[{"type":"media","attrs":{"id":"10001","type":"file","alt":"voucher.pdf"}}]}]}
                """);
        assertThat(AdfText.plain(doc)).isEqualTo("Hello @Tom\ntwo things:\n\n- a voucher\n- an apology");
        assertThat(AdfText.media(doc)).singleElement().satisfies(m -> assertThat(m.path("alt").asText()).isEqualTo("voucher.pdf"));
        // Jira Data Center's comments are wiki markup: the customer reads the text, not the markup
        assertThat(AdfText.plain(json.readTree("\"wiki *text*\""))).isEqualTo("wiki text");
    }

    private JsonNode comment(String text, String extra) throws Exception {
        return json.readTree("{\"id\":\"1\",\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}]}" + extra + "}");
    }
}
