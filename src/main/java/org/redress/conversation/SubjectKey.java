package org.redress.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ticket key a subject carries in brackets, {@code [CS-12]}, wherever reply and forward prefixes put it
 * ({@code Re:}, {@code RE :}, {@code AW:}, {@code R:}, {@code RV:}, {@code TR:}, {@code Fwd:} …) and in any case.
 * Only keys of the projects the gateway files into count: {@code [ISO-9001]} in a subject is not a ticket.
 */
public final class SubjectKey {
    private static final Pattern KEY = Pattern.compile("\\[\\s*([A-Za-z][A-Za-z0-9_]*)-(\\d+)\\s*]");

    private final Set<String> projects;

    public SubjectKey(Set<String> projects) {
        this.projects = projects.stream().map(p -> p.toUpperCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    public Optional<String> find(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(subject);
        while (matcher.find()) {
            String project = matcher.group(1).toUpperCase(Locale.ROOT);
            if (projects.contains(project)) {
                return Optional.of(project + "-" + Long.parseLong(matcher.group(2)));
            }
        }
        return Optional.empty();
    }
}
