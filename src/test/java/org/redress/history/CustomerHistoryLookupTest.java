package org.redress.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerHistoryLookupTest {
    private static final Instant NOV_16 = Instant.parse("2026-11-16T08:27:00Z");
    private final PastComplaint inRegister = new PastComplaint("CS-1", NOV_16, "Appalling treatment", null, null, null,
            true, 4);
    private final PastComplaint inJira = new PastComplaint("CS-1", NOV_16, "Appalling treatment", "In Progress", null,
            null, true, null);
    private final PastComplaint beforeTheGateway = new PastComplaint("CS-0", Instant.parse("2025-01-02T10:00:00Z"),
            "Lamp broken", "Done", "Done", Instant.parse("2025-01-05T10:00:00Z"), false, null);

    @Test
    void registerAndJiraMergeByTicketWithJirasStatusAndTheRegistersScore() {
        CustomerHistory history = new CustomerHistoryLookup((email, except) -> List.of(inRegister),
                email -> List.of(inJira, beforeTheGateway), email -> Optional.of(new CrmProfile("Tom", "gold", null,
                null, "en"))).lookup("Tom.Baker@Example.co.uk", 2, "CS-2");
        assertThat(history.email()).isEqualTo("tom.baker@example.co.uk");
        assertThat(history.earlier()).extracting(PastComplaint::ticketKey).containsExactly("CS-0", "CS-1");
        assertThat(history.earlier().get(1).outcome()).isEqualTo("open (In Progress)");
        assertThat(history.earlier().get(1).satisfaction()).isEqualTo(4);
        assertThat(history.earlier().get(0).outcome()).isEqualTo("resolved: Done");
        assertThat(history.firstContact()).isEqualTo(Instant.parse("2025-01-02T10:00:00Z"));
        assertThat(history.labels(Set.of("gold"))).containsExactly(CustomerHistory.REPEAT_LABEL, CustomerHistory.VIP_LABEL);
    }

    @Test
    void failingSourcesAreUnavailableAndTheOthersStillCount() {
        CustomerHistory history = new CustomerHistoryLookup((email, except) -> List.of(inRegister),
                email -> {
                    throw new IllegalStateException("Jira answered 503");
                },
                email -> {
                    throw new IllegalStateException("Connection refused");
                }).lookup("tom.baker@example.co.uk", 2, null);
        assertThat(history.earlier()).extracting(PastComplaint::ticketKey).containsExactly("CS-1");
        assertThat(history.complete()).isFalse();
        assertThat(history.unavailable()).containsExactly("Jira search: Jira answered 503", "CRM: Connection refused");
        assertThat(history.labels(Set.of())).contains(CustomerHistory.UNAVAILABLE_LABEL);
    }

    @Test
    void withoutACrmTheHistoryIsStillComplete() {
        CustomerHistory history = new CustomerHistoryLookup((email, except) -> List.of(), email -> List.of(), null)
                .lookup("new@example.org", 1, null);
        assertThat(history.repeat()).isFalse();
        assertThat(history.complete()).isTrue();
        assertThat(history.labels(Set.of())).isEmpty();
    }
}
