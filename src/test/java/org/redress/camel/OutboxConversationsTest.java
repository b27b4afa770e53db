package org.redress.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.store.Outbox.PendingMail;

/** The outbox sends conversations side by side: what goes together, and in which order. */
class OutboxConversationsTest {

    @Test
    void eachComplaintsMailsStayTogetherInTheOrderTheyWereWritten() {
        List<PendingMail> pending = List.of(mail(1, 10), mail(2, 11), mail(3, 10), mail(4, 12), mail(5, 11), mail(6, 10));

        List<List<PendingMail>> conversations = OutboxSteps.conversations(pending);

        assertThat(conversations).extracting(c -> c.stream().map(PendingMail::id).toList())
                .containsExactly(List.of(1L, 3L, 6L), List.of(2L, 5L), List.of(4L));
    }

    @Test
    void nothingPendingIsNoConversation() {
        assertThat(OutboxSteps.conversations(List.of())).isEmpty();
    }

    private static PendingMail mail(long id, long complaint) {
        return new PendingMail(id, complaint, "acknowledgement", "<m" + id + "@redress.test>", "reclamations@lumiere.example",
                "customer" + complaint + "@example.org", new byte[0], 0, "reclamations", Instant.EPOCH, "email");
    }
}
