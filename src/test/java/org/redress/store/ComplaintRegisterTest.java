package org.redress.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.testing.TestDatabase;

/** The register and outbox queries, on the embedded H2 and on the PostgreSQL running on this machine. */
class ComplaintRegisterTest {
    private static final Instant NOW = Instant.parse("2026-11-16T08:00:00Z");

    @TempDir
    Path tempDir;


    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sameMailReceivedTwiceIsOneEntryWithItsRawMailKept(TestDatabase kind) {
        try (TestDatabase.Provisioned provisioned = kind.create(tempDir);
             Database database = new Database(provisioned.config())) {
            ComplaintRegister register = new ComplaintRegister(database, new RawMailStore(database));
            byte[] raw = "Subject: x\r\n\r\nbody".getBytes(StandardCharsets.UTF_8);
            RegisterEntry first = register.receive("<a@b>", "<a@b>", "h", "email", "complaints", raw, NOW);
            RegisterEntry second = register.receive("<a@b>", "<a@b>", "h", "email", "complaints", raw, NOW);
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(register.all()).hasSize(1);
            assertThat(register.rawMail(first)).isEqualTo(raw);
            assertThat(first.outcome()).isEqualTo(Outcome.RECEIVED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pollersRacingOnOneMailGetOneEntry(TestDatabase kind) throws Exception {
        try (TestDatabase.Provisioned provisioned = kind.create(tempDir);
             Database database = new Database(provisioned.config())) {
            ComplaintRegister register = new ComplaintRegister(database, new RawMailStore(database));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<RegisterEntry>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> register.receive("<race@b>", "<race@b>", "h", "email", "complaints",
                        new byte[] {1}, NOW)));
            }
            long distinct = results.stream().map(f -> {
                try {
                    return f.get().id();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).distinct().count();
            pool.shutdown();
            assertThat(distinct).isEqualTo(1);
            assertThat(register.all()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void acknowledgementIsQueuedOnceAndCompletesTheEntry(TestDatabase kind) {
        try (TestDatabase.Provisioned provisioned = kind.create(tempDir);
             Database database = new Database(provisioned.config())) {
            ComplaintRegister register = new ComplaintRegister(database, new RawMailStore(database));
            Outbox outbox = new Outbox(database);
            RegisterEntry entry = register.receive("<q@b>", "<q@b>", "h", "email", "complaints", new byte[] {1}, NOW);
            database.inTransaction(connection -> {
                register.ticketed(connection, entry.id(), "CS-1", NOW);
                return null;
            });
            for (int i = 0; i < 2; i++) {
                database.inTransaction(connection -> {
                    outbox.enqueue(connection, entry.id(), "acknowledgement", "<ack@l>", "c@l", "t@e", "Re: x",
                            new byte[] {2}, NOW);
                    register.acknowledged(connection, entry.id(), NOW);
                    return null;
                });
            }
            assertThat(outbox.pending(10)).hasSize(1);
            RegisterEntry done = register.byId(entry.id()).orElseThrow();
            assertThat(done.outcome()).isEqualTo(Outcome.TICKETED);
            assertThat(done.ticketKey()).isEqualTo("CS-1");
            assertThat(done.finished()).isTrue();
            outbox.sent(outbox.pending(10).get(0).id(), NOW);
            assertThat(outbox.pending(10)).isEmpty();
            assertThat(outbox.count("sent")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void failedAttemptsAreCountedAndQuarantineKeepsTheReason(TestDatabase kind) {
        try (TestDatabase.Provisioned provisioned = kind.create(tempDir);
             Database database = new Database(provisioned.config())) {
            ComplaintRegister register = new ComplaintRegister(database, new RawMailStore(database));
            RegisterEntry entry = register.receive("<f@b>", "<f@b>", "h", "email", "complaints", new byte[] {1}, NOW);
            assertThat(register.failedAttempt(entry.id(), "first")).isEqualTo(1);
            assertThat(register.failedAttempt(entry.id(), "second")).isEqualTo(2);
            register.quarantined(entry.id(), "failed 2 times: second", NOW);
            assertThat(register.withOutcome(Outcome.QUARANTINED)).singleElement()
                    .satisfies(q -> assertThat(q.reason()).isEqualTo("failed 2 times: second"));
        }
    }
}
