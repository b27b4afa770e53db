package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.store.Outcome;
import org.redress.store.RegisterEntry;
import org.redress.testing.CustomerMail;
import org.redress.testing.FlakyProxy;
import org.redress.testing.TestBroker;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;
import org.redress.testing.WebClient;

/**
 * redress.work.queue=rabbitmq: complaints taken in go to a durable queue on the machine's RabbitMQ and are handled
 * from there, one customer's in the order received; an outage (Jira, the broker) makes them wait, never lost.
 */
class SharedWorkQueueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEA = "lea.moreau@example.fr";

    @TempDir
    Path tempDir;

    @Test
    void mailAndWebComplaintsGoThroughTheSharedQueueAndOneCustomersMailsKeepTheirOrder() throws Exception {
        try (TestBroker broker = TestBroker.create();
             TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL, broker.settings())) {
            int others = 12;
            int leas = 4;
            for (int i = 0; i < others + leas; i++) {
                if (i % 4 == 1) {
                    int n = i / 4 + 1;
                    stack.deliver(CustomerMail.mail(LEA, TestStack.COMPLAINTS, "Lea's problem number " + n,
                            "Hello, this is problem number " + n + " of mine: parcel " + (7000 + n) + " arrived with "
                                    + "a different broken part each time, and I would like each one looked at.", null));
                } else {
                    stack.deliver(CustomerMail.mail("queued" + i + "@example.org", TestStack.COMPLAINTS,
                            "Parcel " + i + " arrived broken", "Hello, parcel " + i + " arrived broken and the lamp "
                                    + "inside is cracked. I would like a replacement, please.", null));
                }
            }
            HttpResponse<String> web = new WebClient(stack.config().httpPort()).postJson(webComplaint(), Map.of());
            assertThat(web.statusCode()).as(web.body()).isEqualTo(202);
            int all = others + leas + 1;

            await().atMost(Duration.ofSeconds(90)).until(() -> stack.issueKeys().size() == all
                    && stack.gateway().outbox().count("sent") == all);

            List<RegisterEntry> leas4 = stack.gateway().register().all().stream()
                    .filter(entry -> LEA.equals(entry.sender()))
                    .sorted(Comparator.comparingLong(RegisterEntry::id)).toList();
            assertThat(leas4).extracting(RegisterEntry::subject).containsExactly("Lea's problem number 1",
                    "Lea's problem number 2", "Lea's problem number 3", "Lea's problem number 4");
            // handled in the order received: each ticket opened after the one before it
            List<Integer> ticketNumbers = leas4.stream().map(e -> Integer.parseInt(e.ticketKey().replaceAll("\\D", "")))
                    .toList();
            assertThat(ticketNumbers).isSorted();
            assertThat(stack.gateway().register().all()).allMatch(e -> e.outcome() == Outcome.TICKETED);
            assertThat(stack.mailbox("web.queue@example.org")).hasSize(1);
            assertThat(broker.waiting()).isZero();
            assertThat(stack.specViolations()).isEmpty();
        }
    }

    @Test
    void complaintsWhoseJiraIsAwayWaitOnTheBrokerNotInTheInboxAndAreTicketedOnceItIsBack() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        try (TestBroker broker = TestBroker.create()) {
            settings.putAll(broker.settings());
            settings.put("redress.work.retry-after", "PT1S");
            try (TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL, settings)) {
                stack.sandbox().jira().outage("/rest/api/3");
                for (int i = 0; i < 3; i++) {
                    stack.deliver(CustomerMail.mail("waiting" + i + "@example.org", TestStack.COMPLAINTS,
                            "Order " + (510 + i) + " never arrived", "Hello, order " + (510 + i) + " was due a week "
                                    + "ago and has not arrived. Please tell me where it is.", null));
                }
                // handed over: marked handled in the inbox, held by the broker while Jira is away
                await().atMost(Duration.ofSeconds(30)).until(() -> stack.unseen(TestStack.COMPLAINTS) == 0
                        && stack.gateway().register().all().size() == 3);
                Thread.sleep(3000);
                assertThat(stack.issueKeys()).isEmpty();
                assertThat(stack.gateway().register().all()).allMatch(e -> e.outcome() == Outcome.RECEIVED
                        && e.attempts() == 0);

                stack.sandbox().jira().endOutages();
                await().atMost(Duration.ofSeconds(60)).until(() -> stack.issueKeys().size() == 3
                        && stack.gateway().outbox().count("sent") == 3);
                for (int i = 0; i < 3; i++) {
                    assertThat(stack.mailbox("waiting" + i + "@example.org")).hasSize(1);
                }
            }
        }
    }

    @Test
    void aBrokerThatIsAwayLeavesTheMailInItsInboxAndTheWebComplaintInTheRegisterUntilItIsBack() throws Exception {
        try (TestBroker broker = TestBroker.create();
             FlakyProxy proxy = new FlakyProxy(Integer.parseInt(TestBroker.ADDRESS.split(":")[1]))) {
            Map<String, String> settings = new LinkedHashMap<>(broker.settings());
            settings.put("redress.work.rabbitmq.addresses", "127.0.0.1:" + proxy.port());
            settings.put("redress.channels.retry-after", "PT2S");
            try (TestStack stack = TestStack.start(tempDir, TestDatabase.POSTGRESQL, settings)) {
                proxy.cut();
                stack.deliver(CustomerMail.mail("patient@example.org", TestStack.COMPLAINTS, "Invoice 88 is wrong",
                        "Hello, invoice 88 charges me twice for the same lamp. Please correct it.", null));
                // the web form's complaint is recorded and receipted: the customer is not told to send it again
                HttpResponse<String> web = new WebClient(stack.config().httpPort()).postJson(webComplaint(), Map.of());
                assertThat(web.statusCode()).as(web.body()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(30)).until(() -> stack.gateway().register().all().size() == 2);
                Thread.sleep(3000);
                assertThat(stack.unseen(TestStack.COMPLAINTS)).as("left in the inbox").isEqualTo(1);
                assertThat(stack.gateway().register().all()).allMatch(e -> e.attempts() == 0 && e.outcome() == Outcome.RECEIVED);
                assertThat(stack.issueKeys()).isEmpty();

                proxy.restore();
                await().atMost(Duration.ofSeconds(60)).until(() -> stack.issueKeys().size() == 2
                        && stack.gateway().outbox().count("sent") == 2);
                assertThat(stack.mailbox("patient@example.org")).hasSize(1);
                assertThat(stack.mailbox("web.queue@example.org")).hasSize(1);
            }
        }
    }

    private static String webComplaint() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("customer").put("email", "web.queue@example.org").put("name", "Jonas Weber");
        root.put("subject", "Kaffeemaschine undicht").put("language", "de").put("text", "Guten Tag, die "
                + "Kaffeemaschine aus Bestellung 4711 verliert seit gestern Wasser. Bitte um Ersatz.");
        return JSON.writeValueAsString(root);
    }
}
