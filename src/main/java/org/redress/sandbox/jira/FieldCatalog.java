package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * The fixed option lists of a fresh Jira site (issue types, priorities, resolutions) with stable
 * ids, because clients may refer to options by id as well as by name and must get the same answer
 * on every run.
 */
final class FieldCatalog {

    record Option(String id, String name) {
    }

    static final List<Option> ISSUE_TYPES = List.of(
            new Option("10001", "Task"),
            new Option("10002", "Bug"),
            new Option("10003", "Story"),
            new Option("10004", "Service request"));

    static final List<Option> PRIORITIES = List.of(
            new Option("1", "Highest"),
            new Option("2", "High"),
            new Option("3", "Medium"),
            new Option("4", "Low"),
            new Option("5", "Lowest"));

    static final Option DEFAULT_PRIORITY = PRIORITIES.get(2);

    static final List<Option> RESOLUTIONS = List.of(
            new Option("10000", "Done"),
            new Option("10001", "Won't Do"),
            new Option("10002", "Duplicate"),
            new Option("10003", "Cannot Reproduce"));

    static final Option DEFAULT_RESOLUTION = RESOLUTIONS.get(0);

    private FieldCatalog() {
    }

    /** Finds by name (case-insensitive) or id, for values given as text in JQL. */
    static Optional<Option> find(List<Option> options, String nameOrId) {
        return options.stream()
                .filter(o -> o.name().equalsIgnoreCase(nameOrId) || o.id().equals(nameOrId))
                .findFirst();
    }

    /** Finds the option a JSON reference such as {@code {"name":"Bug"}} or {@code {"id":"10002"}} points at. */
    static Optional<Option> resolve(List<Option> options, JsonNode reference) {
        if (reference == null || !reference.isObject()) {
            return Optional.empty();
        }
        JsonNode id = reference.get("id");
        if (id != null && (id.isTextual() || id.isIntegralNumber())) {
            return options.stream().filter(o -> o.id().equals(id.asText())).findFirst();
        }
        JsonNode name = reference.get("name");
        if (name != null && name.isTextual()) {
            return options.stream().filter(o -> o.name().equalsIgnoreCase(name.asText())).findFirst();
        }
        return Optional.empty();
    }

    static Option byId(List<Option> options, String id) {
        return options.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown option id " + id));
    }
}
