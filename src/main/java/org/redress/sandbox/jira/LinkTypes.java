package org.redress.sandbox.jira;

import java.util.List;
import java.util.Optional;

/**
 * The issue link types of a fresh Jira Cloud site, with the ids such a site gives them. Fixed
 * rather than configurable because the gateway only uses the defaults, and a client that asks for a
 * type a real site would not have must get Jira's 404 here too.
 */
final class LinkTypes {

    /**
     * One link type. {@code outward} describes the link from its source issue (the request's
     * {@code inwardIssue}: "CS-1 blocks CS-2"), {@code inward} from its destination.
     */
    record Type(String id, String name, String inward, String outward) {
    }

    static final List<Type> DEFAULTS = List.of(
            new Type("10000", "Blocks", "is blocked by", "blocks"),
            new Type("10001", "Cloners", "is cloned by", "clones"),
            new Type("10002", "Duplicate", "is duplicated by", "duplicates"),
            new Type("10003", "Relates", "relates to", "relates to"));

    private LinkTypes() {
    }

    static Optional<Type> byId(String id) {
        return DEFAULTS.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Case-sensitive, as Jira Cloud's lookup is: {@code "relates"} is not {@code "Relates"}. */
    static Optional<Type> byName(String name) {
        return DEFAULTS.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
