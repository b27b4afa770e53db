package org.redress.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.health.Watch;
import org.redress.store.Database;
import org.redress.store.Outbox;
import org.redress.store.Outbox.PendingMail;
import org.redress.testing.TestDatabase;

/** The outbox sends conversations side by side: what goes together, in which order, and what waits. */
class OutboxConversationsTest {
    @TempDir
    Path tempDir;
    private TestDatabase.Provisioned provisioned;
    private Database database;
    private DefaultCamelContext camel;

    @Test
    void eachRecipientsMailsStayTogetherInTheOrderTheyWereWrittenWhateverComplaintTheyAnswer() {
        // mail 5 acknowledges a reply that reopened complaint 10's ticket: queued under the reply's own number
        List<PendingMail> pending = List.of(mail(1, 10, "lea@example.fr"), mail(2, 11, "marco@example.it"),
                mail(3, 10, "lea@example.fr"), mail(4, 12, "ann@example.org"), mail(5, 13, "Lea@Example.fr"),
                mail(6, 11, "marco@example.it"));

        List<List<PendingMail>> conversations = OutboxSteps.conversations(pending);

        assertThat(conversations).extracting(c -> c.stream().map(PendingMail::id).toList())
                .containsExactly(List.of(1L, 3L, 5L), List.of(2L, 6L), List.of(4L));
        assertThat(OutboxSteps.conversations(List.of())).isEmpty();
    }

    @Test
    void afterAMailRefusedForNowTheRestOfItsConversationWaitsForTheNextLookButOthersGo() throws Exception {
        OutboxSteps steps = steps();
        steps.pending();
        steps.failed(failure(mail(1, 10, "lea@example.fr"), new IOException("Connection reset")));

        assertThat(steps.inTurn(mail(3, 10, "lea@example.fr"))).as("Léa's next mail waits").isFalse();
        assertThat(steps.inTurn(mail(2, 11, "marco@example.it"))).as("Marco's goes").isTrue();

        steps.pending();
        assertThat(steps.inTurn(mail(3, 10, "lea@example.fr"))).as("a new look tries again, in order").isTrue();
    }

    @Test
    void aMailThatCannotGoAtAllHoldsNothingBack() throws Exception {
        OutboxSteps steps = steps();
        steps.pending();
        steps.failed(failure(mail(1, 10, "lea@example.fr"), new jakarta.mail.SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(new jakarta.mail.internet.InternetAddress("lea@example.fr"),
                        "RCPT TO", 550, "550 no such user"))));

        assertThat(steps.inTurn(mail(3, 10, "lea@example.fr"))).isTrue();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable opened : new AutoCloseable[] {camel, database, provisioned}) {
            if (opened != null) {
                opened.close();
            }
        }
    }

    private OutboxSteps steps() {
        provisioned = TestDatabase.H2.create(tempDir);
        database = new Database(provisioned.config());
        camel = new DefaultCamelContext();
        return new OutboxSteps(new Outbox(database), Clock.systemUTC(), null, new Watch(Clock.systemUTC()));
    }

    private Exchange failure(PendingMail mail, Exception failure) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(OutboxSteps.OUTBOX_ID, mail.id());
        exchange.setProperty(OutboxSteps.PENDING, mail);
        exchange.setProperty(OutboxSteps.REPLY_CHANNEL, "email");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }

    private static PendingMail mail(long id, long complaint, String recipient) {
        return new PendingMail(id, complaint, "acknowledgement", "<m" + id + "@redress.test>",
                "reclamations@lumiere.example", recipient, new byte[0], 0, "reclamations", Instant.EPOCH, "email");
    }
}
