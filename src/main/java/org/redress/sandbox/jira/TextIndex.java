package org.redress.sandbox.jira;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each three-character sequence ({@link TrigramSketch}), the issues whose summary or description holds it, as
 * Jira answers a {@code text ~} search from its index. Without it every search read every issue's sketch: in the
 * benchmark's saturation phase, where the gateway looks up each customer's history among thousands of tickets, that
 * scan was 42 % of the driver's samples, on the cores the gateway is measured on (BENCHMARKS.md, "Keeping the
 * instrument honest"). The index only narrows the search: an issue it names is still checked against the whole
 * query, so an issue whose text has since lost a sequence costs a look, never a wrong answer.
 */
final class TextIndex {
    private final BitSet[] issuesBySequence = new BitSet[TrigramSketch.BITS];
    private final List<StoredIssue> issues = new ArrayList<>();
    private final Map<Long, Integer> positions = new HashMap<>();

    /** Indexes an issue the sandbox has just created or loaded. */
    void add(StoredIssue issue) {
        int position = issues.size();
        issues.add(issue);
        positions.put(issue.id, position);
        record(position, issue);
    }

    /** Indexes the sequences an edited summary or description has added. */
    void changed(StoredIssue issue) {
        Integer position = positions.get(issue.id);
        if (position != null) {
            record(position, issue);
        }
    }

    /**
     * The issues that may hold every sequence {@code wanted} holds, in the order they were created; all issues when
     * {@code wanted} holds none (words under three characters).
     */
    List<StoredIssue> candidates(TrigramSketch wanted) {
        BitSet found = null;
        for (int sequence : wanted.sequences()) {
            BitSet holders = issuesBySequence[sequence];
            if (holders == null) {
                return List.of();
            }
            if (found == null) {
                found = (BitSet) holders.clone();
            } else {
                found.and(holders);
            }
        }
        if (found == null) {
            return issues;
        }
        return found.stream().mapToObj(issues::get).toList();
    }

    private void record(int position, StoredIssue issue) {
        for (int sequence : issue.searchSketch().sequences()) {
            BitSet holders = issuesBySequence[sequence];
            if (holders == null) {
                holders = new BitSet();
                issuesBySequence[sequence] = holders;
            }
            holders.set(position);
        }
    }
}
