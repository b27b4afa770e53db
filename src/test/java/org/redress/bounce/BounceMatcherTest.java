package org.redress.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which delivery reports are about our own mail, and what the agents are told about them. */
class BounceMatcherTest {
    private static final String OUR_ACK = "<redress.ack.cs-7.3.abc@lumiere.example>";
    private static final String CUSTOMERS_MAIL = "<complaint-1@example.org>";

    /** Our index knows our acknowledgement as outgoing mail; the customer's complaint is not ours. */
    private final BounceMatcher matcher = new BounceMatcher(
            id -> Optional.ofNullable(Map.of(OUR_ACK, "CS-7").get(id)),
            id -> Optional.ofNullable(Map.of(OUR_ACK, "Re: Broken kettle [CS-7]").get(id)));

    private static DeliveryReport.Recipient failed(String address) {
        return new DeliveryReport.Recipient(address, "failed", "5.1.1", "550 5.1.1 <" + address + ">: User unknown");
    }

    @Test
    void aFailureReturningOurMailIsABounceOfItsTicket() {
        DeliveryReport report = new DeliveryReport(List.of(failed("ann@example.org")), OUR_ACK);
        OwnMailBounce bounce = matcher.match(report, null, List.of()).orElseThrow();
        assertThat(bounce.ticketKey()).isEqualTo("CS-7");
        assertThat(bounce.reason()).isEqualTo("bounce of our mail to ann@example.org recorded on CS-7");
        assertThat(bounce.note(42)).startsWith("Our e-mail “Re: Broken kettle [CS-7]” to ann@example.org could not be "
                        + "delivered: 5.1.1 550 5.1.1 <ann@example.org>: User unknown.")
                .contains("The customer did not receive it").contains("reach them another way")
                .endsWith(OwnMailBounce.trace(42));
    }

    @Test
    void aReportThatReturnedNothingIsFoundByItsInReplyToOrReferences() {
        DeliveryReport report = new DeliveryReport(List.of(failed("ann@example.org")), null);
        assertThat(matcher.match(report, OUR_ACK, List.of())).isPresent();
        assertThat(matcher.match(report, null, List.of(OUR_ACK, "<unknown@example.org>"))).isPresent();
        assertThat(matcher.match(report, null, List.of())).isEmpty();
    }

    @Test
    void reportsOnOtherMailDelaysAndSuccessesAreNoBounceOfOurs() {
        assertThat(matcher.match(new DeliveryReport(List.of(failed("ann@example.org")), CUSTOMERS_MAIL), null, List.of()))
                .as("the customer's own mail bounced somewhere").isEmpty();
        assertThat(matcher.match(new DeliveryReport(List.of(new DeliveryReport.Recipient("ann@example.org", "delayed",
                "4.4.1", "connection timed out")), OUR_ACK), null, List.of())).as("still being tried").isEmpty();
        assertThat(matcher.match(new DeliveryReport(List.of(new DeliveryReport.Recipient("ann@example.org", "delivered",
                "2.0.0", "")), OUR_ACK), null, List.of())).as("a success notice").isEmpty();
    }

    @Test
    void severalFailedRecipientsAreAllNamedWithTheirOwnReason() {
        DeliveryReport report = new DeliveryReport(List.of(failed("ann@example.org"),
                new DeliveryReport.Recipient("bob@example.org", "delayed", "4.2.2", "mailbox full"),
                new DeliveryReport.Recipient("cat@example.org", "failed", "5.2.2", "")), OUR_ACK);
        OwnMailBounce bounce = matcher.match(report, null, List.of()).orElseThrow();
        assertThat(bounce.recipients()).isEqualTo("ann@example.org, cat@example.org");
        assertThat(bounce.note(1)).contains("ann@example.org 5.1.1 550 5.1.1 <ann@example.org>: User unknown; "
                + "cat@example.org 5.2.2").doesNotContain("bob@");
    }

    @Test
    void aMailTheOutboxNoLongerHoldsIsNamedByItsMessageId() {
        BounceMatcher withoutSubjects = new BounceMatcher(id -> Optional.of("CS-7"), id -> Optional.empty());
        OwnMailBounce bounce = withoutSubjects.match(new DeliveryReport(List.of(failed("ann@example.org")), OUR_ACK),
                null, List.of()).orElseThrow();
        assertThat(bounce.note(1)).startsWith("Our e-mail " + OUR_ACK + " to ann@example.org could not be delivered");
    }
}
