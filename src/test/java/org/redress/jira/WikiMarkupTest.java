package org.redress.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class WikiMarkupTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void customersWordsAreEscapedSoThatNothingTheyWriteIsFormattedLinkedOrAMacro() {
        assertThat(WikiMarkup.escape("*bold* _it_ {code} [x|http://a] !img.png! #1 -s- +u+ ^s^ ~s~ ??c?? a|b"))
                .isEqualTo("\\*bold\\* \\_it\\_ \\{code\\} \\[x\\|http\\://a\\] \\!img.png\\! \\#1 \\-s\\- \\+u\\+ "
                        + "\\^s\\^ \\~s\\~ \\?\\?c\\?\\? a\\|b");
        assertThat(WikiMarkup.escape("C:\\Temp & more")).isEqualTo("C\\:&#92;Temp &amp; more");
        assertThat(WikiMarkup.escape("h2. title\nbq. quote\nplain h1. inside")).isEqualTo(
                "h2&#46; title\nbq&#46; quote\nplain h1. inside");
        assertThat(WikiMarkup.escape(":) (y) ;)")).isEqualTo("\\:) \\(y) \\;)");
    }

    @Test
    void theGatewaysAdfBecomesEquivalentWikiMarkup() throws Exception {
        JsonNode doc = new Adf().heading(2, "Customer")
                .labelled("From", "Anna *VIP* <anna@example.org>")
                .paragraph("line one\nline two")
                .bulletList(List.of("first", "second [x]"))
                .quote("quoted {noformat}")
                .rule()
                .mention("5b10ac8d82e05b22cc7d4ef5")
                .document();
        String wiki = WikiMarkup.fromAdf(doc);
        assertThat(wiki).isEqualTo("h2. Customer\n\n"
                + "*From\\:* Anna \\*VIP\\* <anna@example.org>\n\n"
                + "line one\nline two\n\n"
                + "* first\n* second \\[x\\]\n\n"
                + "{quote}\nquoted \\{noformat\\}\n{quote}\n\n"
                + "----\n\n"
                + "[~5b10ac8d82e05b22cc7d4ef5]");
    }

    @Test
    void requestsForDataCenterCarryWikiStringsWhereCloudHasDocuments() throws Exception {
        JsonNode request = JSON.readTree("{\"fields\":{\"summary\":\"S\",\"description\":{\"type\":\"doc\",\"version\":1,"
                + "\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"a*b\"}]}]},"
                + "\"labels\":[\"x\"]}}");
        JsonNode converted = WikiMarkup.documentsAsWiki(request);
        assertThat(converted.path("fields").path("description").asText()).isEqualTo("a\\*b");
        assertThat(converted.path("fields").path("summary").asText()).isEqualTo("S");
        assertThat(converted.path("fields").path("labels").get(0).asText()).isEqualTo("x");
        assertThat(request.path("fields").path("description").isObject()).as("the original is untouched").isTrue();
    }

    @Test
    void agentsWikiMarkupIsReadAsPlainText() {
        assertThat(WikiMarkup.toPlain("h3. Update\nHello *Anna*, see [the policy|https://x.example/p] and {{RMA-1}}.\n"
                + "{quote}old text{quote}\n[~jsmith] will call\\\\tomorrow \\*really\\*"))
                .isEqualTo("Update\nHello Anna, see the policy (https://x.example/p) and RMA-1.\nold text\n"
                        + "@jsmith will call\ntomorrow *really*");
        assertThat(WikiMarkup.toPlain("[internal] only for us")).isEqualTo("[internal] only for us");
    }
}
