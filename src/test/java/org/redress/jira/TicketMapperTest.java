package org.redress.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;
import org.redress.complaint.Party;

class TicketMapperTest {
    private final ObjectMapper json = new ObjectMapper();
    private final TicketMapper mapper = new TicketMapper(json, "redress.customer");

    private static Complaint complaint(String subject, String text, List<Attachment> attachments) {
        return new Complaint("email", "complaints", new Party("Tom.Baker@Example.co.uk", "Tom Baker"),
                List.of("complaints@lumiere.example"), subject, text, "en", attachments, "<m1@example.co.uk>", null,
                List.of(), null, Instant.parse("2026-11-16T08:27:00Z"), Map.of());
    }

    @Test
    void subjectWithLineBreaksBecomesOneLineSummaryWithinJirasLimit() {
        String subject = "Broken\r\nlamp " + "x".repeat(400);
        JsonNode fields = mapper.map(complaint(subject, "text", List.of()), 1, "complaints@lumiere.example", "CS",
                "Task", new byte[0]).request().path("fields");
        String summary = fields.path("summary").asText();
        assertThat(summary).doesNotContain("\n").doesNotContain("\r").startsWith("Broken lamp");
        assertThat(summary.length()).isLessThanOrEqualTo(JiraLimits.SUMMARY_MAX);
    }

    @Test
    void emptySubjectStillGivesAMeaningfulSummary() {
        JsonNode fields = mapper.map(complaint("  ", "text", List.of()), 1, "complaints@lumiere.example", "CS",
                "Task", new byte[0]).request().path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("Complaint from tom.baker@example.co.uk");
    }

    @Test
    void textLongerThanJiraAllowsIsCutInTheDescriptionAndAttachedInFull() throws Exception {
        String text = ("Paragraph of a very long complaint. ".repeat(40) + "\n\n").repeat(60);
        NewTicket ticket = mapper.map(complaint("Long", text, List.of()), 7, "complaints@lumiere.example", "CS",
                "Task", "raw".getBytes(StandardCharsets.UTF_8));
        String description = json.writeValueAsString(ticket.request().path("fields").path("description"));
        assertThat(description.length()).isLessThanOrEqualTo(JiraLimits.TEXT_FIELD_MAX);
        assertThat(description).contains(TicketMapper.FULL_TEXT_FILE);
        assertThat(ticket.uploads()).extracting(Upload::filename)
                .containsExactly("original-message-7.eml", TicketMapper.FULL_TEXT_FILE);
        assertThat(new String(ticket.uploads().get(1).content(), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void customerAddressLanguageAndChannelAreFindableOnTheIssue() {
        Attachment invoice = new Attachment("facture.pdf", "application/pdf", new byte[] {1, 2},
                "Facture FA-88213 montant 89,90 EUR", Map.of());
        JsonNode request = mapper.map(complaint("Invoice", "Wrong amount", List.of(invoice)), 3,
                "complaints@lumiere.example", "CS", "Task", new byte[0]).request();
        assertThat(request.path("fields").path("labels")).extracting(JsonNode::asText)
                .contains("channel-email", "lang-en");
        JsonNode property = request.path("properties").get(0);
        assertThat(property.path("key").asText()).isEqualTo("redress.customer");
        assertThat(property.path("value").path("email").asText()).isEqualTo("tom.baker@example.co.uk");
        assertThat(request.path("fields").path("description").toString()).contains("Facture FA-88213 montant 89,90 EUR");
    }

    @Test
    void customerTextCannotInjectAdfNodes() {
        String hostile = "{\"type\":\"mention\",\"attrs\":{\"id\":\"admin\"}} [~admin] <script>x</script>\u0000\u0007";
        JsonNode description = mapper.map(complaint("s", hostile, List.of()), 1, "c@l.example", "CS", "Task",
                new byte[0]).request().path("fields").path("description");
        assertThat(description.findValues("type")).extracting(JsonNode::asText).doesNotContain("mention");
        assertThat(description.toString()).doesNotContain("\\u0000").doesNotContain("\\u0007");
    }
}
