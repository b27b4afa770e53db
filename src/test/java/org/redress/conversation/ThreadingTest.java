package org.redress.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.complaint.Complaint;
import org.redress.complaint.Party;

class ThreadingTest {
    private final SubjectKey subjectKey = new SubjectKey(Set.of("CS"));
    private final Map<String, String> known = Map.of("<ack@lumiere.example>", "CS-7", "<root@example.org>", "CS-3");
    private final ThreadMatcher matcher = new ThreadMatcher(id -> Optional.ofNullable(known.get(id)), subjectKey);

    @ParameterizedTest
    @ValueSource(strings = {"Re: Colis abîmé [CS-12]", "RE : Colis abîmé [CS-12]", "AW: Lieferung [cs-12]",
            "R: Rimborso [CS-12]", "RV: Garantía [CS-12]", "TR: Avis [ CS-12 ]", "Fwd: Fw: re: [CS-012] again"})
    void subjectKeyIsFoundAfterAnyReplyOrForwardPrefixInAnyCase(String subject) {
        assertThat(subjectKey.find(subject)).contains("CS-12");
    }

    @Test
    void bracketedCodesOfOtherProjectsAreNotTickets() {
        assertThat(subjectKey.find("Re: certificate [ISO-9001] missing")).isEmpty();
        assertThat(subjectKey.find("Order CS-12 without brackets")).isEmpty();
    }

    @Test
    void inReplyToWinsOverReferencesAndSubject() {
        Optional<ThreadMatch> match = matcher.match(mail("<ack@lumiere.example>", List.of("<root@example.org>"), "Re: x [CS-1]"));
        assertThat(match).contains(new ThreadMatch("CS-7", ThreadMatch.Rule.IN_REPLY_TO));
    }

    @Test
    void newestKnownReferenceIsUsedWhenInReplyToIsUnknown() {
        Optional<ThreadMatch> match = matcher.match(mail("<unknown@x>", List.of("<root@example.org>", "<other@x>"), "x"));
        assertThat(match).contains(new ThreadMatch("CS-3", ThreadMatch.Rule.REFERENCES));
    }

    @Test
    void subjectKeyIsTheLastResort() {
        assertThat(matcher.match(mail(null, List.of(), "Re: still waiting [CS-9]")))
                .contains(new ThreadMatch("CS-9", ThreadMatch.Rule.SUBJECT_KEY));
        assertThat(matcher.match(mail(null, List.of(), "A new complaint"))).isEmpty();
    }

    @Test
    void onlyTheCustomerAndTheComplaintsOtherRecipientsMayUpdateATicket() {
        TicketConversation ticket = new TicketConversation("CS-1", 1, "complaints@lumiere.example",
                "Tom.Baker@example.co.uk", Set.of("partner@example.co.uk"), "en", "Rude staff", "<root@x>");
        assertThat(ticket.mayUpdate("tom.baker@example.co.uk")).isTrue();
        assertThat(ticket.mayUpdate("partner@example.co.uk")).isTrue();
        assertThat(ticket.mayUpdate("mallory@example.net")).isFalse();
        assertThat(ticket.mayUpdate("")).isFalse();
    }

    private static Complaint mail(String inReplyTo, List<String> references, String subject) {
        return new Complaint("email", "complaints", new Party("tom.baker@example.co.uk", null), List.of(), subject, "text",
                "en", List.of(), "<new@x>", inReplyTo, references, null, Instant.EPOCH, Map.of());
    }
}
