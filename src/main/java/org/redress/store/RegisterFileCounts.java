package org.redress.store;

/**
 * What the embedded H2 file's store has written and read since the gateway opened it, from H2's own counters. A
 * write is about one chunk: a commit that changed something, or a compaction round, and now and then H2's rewrite of
 * the file's header. The counts do not follow the machine's speed as times do (under load, commits that meet share
 * a write, so they move by a few tenths per mail between runs): a change to the register's commits shows in them
 * where timings cannot tell it from noise (BENCHMARKS.md, "The register's writes, counted").
 */
public record RegisterFileCounts(long writes, long writtenBytes, long reads, long readBytes) {
    static final RegisterFileCounts NONE = new RegisterFileCounts(0, 0, 0, 0);

    RegisterFileCounts plus(RegisterFileCounts other) {
        return new RegisterFileCounts(writes + other.writes, writtenBytes + other.writtenBytes, reads + other.reads,
                readBytes + other.readBytes);
    }
}
