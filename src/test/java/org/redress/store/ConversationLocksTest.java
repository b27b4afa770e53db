package org.redress.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.TestDatabase;

/** One conversation at a time across nodes (the shared work queue), on the PostgreSQL running on this machine. */
class ConversationLocksTest {
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    @TempDir
    Path tempDir;

    @Test
    void aConversationHeldByOneHandlerIsRefusedToAnotherUntilLetGo() {
        try (TestDatabase.Provisioned provisioned = TestDatabase.POSTGRESQL.create(tempDir);
             Database one = new Database(provisioned.config());
             Database other = new Database(provisioned.config())) {
            ConversationLocks node1 = new ConversationLocks(one);
            ConversationLocks node2 = new ConversationLocks(other);
            Optional<ConversationLocks.Held> held = node1.tryLock("lea@example.fr");
            assertThat(held).isPresent();
            assertThat(node2.tryLock("lea@example.fr")).as("the same conversation on another node").isEmpty();
            Optional<ConversationLocks.Held> someoneElse = node2.tryLock("marco@example.it");
            assertThat(someoneElse).as("another conversation").isPresent();
            someoneElse.get().close();
            held.get().close();
            Optional<ConversationLocks.Held> after = node2.tryLock("lea@example.fr");
            assertThat(after).as("let go").isPresent();
            after.get().close();
        }
    }

    @Test
    void aNodeThatDiesLetsGoOfItsConversations() {
        try (TestDatabase.Provisioned provisioned = TestDatabase.POSTGRESQL.create(tempDir);
             Database survivor = new Database(provisioned.config())) {
            Database dying = new Database(provisioned.config());
            assertThat(new ConversationLocks(dying).tryLock("lea@example.fr")).isPresent();
            // its connections close, as when the process is killed; the pool aborts a borrowed connection in the
            // background, and PostgreSQL lets go of the lock once it sees that connection end
            dying.close();
            ConversationLocks locks = new ConversationLocks(survivor);
            java.util.concurrent.atomic.AtomicReference<ConversationLocks.Held> taken =
                    new java.util.concurrent.atomic.AtomicReference<>();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> locks.tryLock("lea@example.fr").map(held -> {
                        taken.set(held);
                        return true;
                    }).orElse(false));
            taken.get().close();
        }
    }

    @Test
    void aComplaintWaitsWhileAnEarlierOneOfTheSameCustomerIsUnfinished() {
        try (TestDatabase.Provisioned provisioned = TestDatabase.POSTGRESQL.create(tempDir);
             Database database = new Database(provisioned.config())) {
            ComplaintRegister register = new ComplaintRegister(database, new RawMailStore(database));
            byte[] raw = "Subject: x\r\n\r\nbody".getBytes(StandardCharsets.UTF_8);
            RegisterEntry first = register.receive("<1@b>", "<1@b>", "h1", "email", null, "complaints",
                    "lea@example.fr", raw, NOW);
            RegisterEntry second = register.receive("<2@b>", "<2@b>", "h2", "email", null, "complaints",
                    "lea@example.fr", raw, NOW);
            RegisterEntry stranger = register.receive("<3@b>", "<3@b>", "h3", "email", null, "complaints",
                    "marco@example.it", raw, NOW);
            assertThat(register.earlierUnfinished("lea@example.fr", first.id())).isFalse();
            assertThat(register.earlierUnfinished("lea@example.fr", second.id())).isTrue();
            assertThat(register.earlierUnfinished("marco@example.it", stranger.id())).isFalse();
            register.ignored(first.id(), "auto-reply", NOW);
            assertThat(register.earlierUnfinished("lea@example.fr", second.id())).as("the first is finished").isFalse();
        }
    }
}
