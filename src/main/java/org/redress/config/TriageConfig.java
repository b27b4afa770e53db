package org.redress.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.redress.triage.PriorityPolicy;

/**
 * How complaints are read for urgency and filed.
 *
 * @param references the shapes of order and invoice numbers ({@code redress.hints.reference.<name>})
 * @param categories    terms per category, in tie-breaking order ({@code redress.category.<name>})
 * @param priorityField whether new tickets carry Jira's priority field: a project whose create screen has no
 *                      Priority refuses it (400), so it can be turned off and the priority read from the description
 */
public record TriageConfig(List<Pattern> references, Map<String, List<String>> categories, PriorityPolicy priority,
                           boolean priorityField) {
}
