package org.redress.sandbox.jira;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which issue fields a response carries. GET issue defaults to all fields but enhanced search
 * defaults to ids only; a client that forgets {@code fields=} in a search gets no summaries from
 * real Jira either, so the sandbox does not paper over that.
 */
final class FieldSelection {

    static final List<String> ALL_FIELDS = List.of(
            "summary", "description", "labels", "status", "project", "issuetype", "created", "updated",
            "resolution", "resolutiondate", "priority", "attachment", "comment", "issuelinks", "reporter", "creator");

    static final FieldSelection ALL = new FieldSelection(true, Set.of(), Set.of());
    static final FieldSelection IDS_ONLY = new FieldSelection(false, Set.of(), Set.of());

    private final boolean all;
    private final Set<String> included;
    private final Set<String> excluded;

    private FieldSelection(boolean all, Set<String> included, Set<String> excluded) {
        this.all = all;
        this.included = included;
        this.excluded = excluded;
    }

    /** Parses Jira's {@code fields} list: names, {@code *all}, {@code *navigable}, {@code -name}, {@code id}. */
    static FieldSelection parse(List<String> items, FieldSelection whenEmpty) {
        if (items == null || items.isEmpty()) {
            return whenEmpty;
        }
        boolean all = false;
        boolean onlyExclusions = true;
        Set<String> included = new HashSet<>();
        Set<String> excluded = new HashSet<>();
        for (String raw : items) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.equals("*all") || item.equals("*navigable")) {
                all = true;
                onlyExclusions = false;
            } else if (item.startsWith("-")) {
                excluded.add(item.substring(1));
            } else if (!item.isEmpty()) {
                onlyExclusions = false;
                included.add(item);
            }
        }
        return new FieldSelection(all || onlyExclusions, included, excluded);
    }

    boolean includes(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        return !excluded.contains(name) && (all || included.contains(name));
    }

    boolean includesAnyField() {
        return ALL_FIELDS.stream().anyMatch(this::includes);
    }
}
