package org.redress.store;

/**
 * What the embedded H2 file's store has written and read since the database opened, from H2's own counters. A write
 * is one chunk: a commit that changed something, or a compaction round. Unlike rates, these counts do not move with
 * the speed of the machine, so a change to the register's commits shows in them when timings cannot tell it from
 * noise (BENCHMARKS.md, "The register's writes, counted").
 */
public record RegisterFileCounts(long writes, long writtenBytes, long reads, long readBytes) {
}
