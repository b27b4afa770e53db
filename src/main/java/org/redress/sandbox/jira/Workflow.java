package org.redress.sandbox.jira;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one workflow every sandbox issue follows: a small service-desk flow with the statuses and
 * transition ids the gateway is configured with. Status categories matter more than status names
 * because JQL like {@code statusCategory = Done} is how clients stay independent of workflow names.
 */
final class Workflow {

    record Category(int id, String key, String name, String colorName) {
    }

    record Status(String id, String name, Category category) {
    }

    record Transition(String id, String name, Status to) {
    }

    static final Category NEW = new Category(2, "new", "To Do", "blue-gray");
    static final Category INDETERMINATE = new Category(4, "indeterminate", "In Progress", "yellow");
    static final Category DONE_CATEGORY = new Category(3, "done", "Done", "green");
    static final List<Category> CATEGORIES = List.of(NEW, INDETERMINATE, DONE_CATEGORY);

    static final Status TO_DO = new Status("10000", "To Do", NEW);
    static final Status IN_PROGRESS = new Status("3", "In Progress", INDETERMINATE);
    static final Status WAITING = new Status("10002", "Waiting for customer", INDETERMINATE);
    static final Status DONE = new Status("10001", "Done", DONE_CATEGORY);
    static final List<Status> STATUSES = List.of(TO_DO, IN_PROGRESS, WAITING, DONE);

    static final Transition START_PROGRESS = new Transition("21", "Start progress", IN_PROGRESS);
    static final Transition WAIT_FOR_CUSTOMER = new Transition("31", "Waiting for customer", WAITING);
    static final Transition RESOLVE = new Transition("41", "Resolve", DONE);
    static final Transition REOPEN = new Transition("51", "Reopen", TO_DO);

    private Workflow() {
    }

    static Status initial() {
        return TO_DO;
    }

    /**
     * Transitions offered from a status. "Waiting for customer" is global (from anywhere but
     * itself); "Start progress" is also offered from Waiting so an agent can pick a case back up.
     */
    static List<Transition> from(Status status) {
        if (status.equals(TO_DO)) {
            return List.of(START_PROGRESS, WAIT_FOR_CUSTOMER, RESOLVE);
        }
        if (status.equals(IN_PROGRESS)) {
            return List.of(WAIT_FOR_CUSTOMER, RESOLVE);
        }
        if (status.equals(WAITING)) {
            return List.of(START_PROGRESS, RESOLVE);
        }
        return List.of(WAIT_FOR_CUSTOMER, REOPEN);
    }

    static Status statusById(String id) {
        return STATUSES.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown status id " + id));
    }

    /** Status by name (case-insensitive, as JQL compares) or id. */
    static Optional<Status> findStatus(String nameOrId) {
        return STATUSES.stream()
                .filter(s -> s.name().equalsIgnoreCase(nameOrId) || s.id().equals(nameOrId))
                .findFirst();
    }

    /** Category by key ("done"), name ("Done") or id, as JQL accepts all three. */
    static Optional<Category> findCategory(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return CATEGORIES.stream()
                .filter(c -> c.key().equals(v) || c.name().toLowerCase(Locale.ROOT).equals(v)
                        || String.valueOf(c.id()).equals(v))
                .findFirst();
    }
}
