package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the {@code fields}/{@code update}/{@code properties} of a create or edit request into
 * validated changes, enforcing Jira's limits and messages. Create and edit share this so an edit
 * can never smuggle in a value a create would have refused. All field problems of one request are
 * reported together, as Jira does.
 */
final class IssueFields {

    static final int MAX_SUMMARY = 255;
    static final int MAX_LABEL = 255;
    static final int MAX_PROPERTY_KEY = 255;
    static final int MAX_PROPERTY_VALUE_BYTES = 32_768;

    private static final Set<String> CREATE_FIELDS = Set.of("project", "issuetype", "summary", "description", "labels", "priority");
    private static final Set<String> EDIT_FIELDS = Set.of("summary", "description", "labels", "priority");

    /** What a request asks to change; null members mean "leave as is". */
    static final class Changes {
        SandboxProject project;
        FieldCatalog.Option issueType;
        String summary;
        boolean descriptionSet;
        JsonNode description;
        List<String> labelsSet;
        final List<String> labelsAdd = new ArrayList<>();
        final List<String> labelsRemove = new ArrayList<>();
        FieldCatalog.Option priority;
        final Map<String, JsonNode> properties = new LinkedHashMap<>();

        void applyTo(StoredIssue issue) {
            if (summary != null) {
                issue.summary = summary;
            }
            if (descriptionSet) {
                issue.description = description == null || description.isNull() ? null : description.deepCopy();
            }
            if (labelsSet != null) {
                issue.labels = new ArrayList<>(labelsSet);
            }
            LinkedHashSet<String> labels = new LinkedHashSet<>(issue.labels);
            labels.addAll(labelsAdd);
            labelsRemove.forEach(labels::remove);
            issue.labels = new ArrayList<>(labels);
            if (priority != null) {
                issue.priorityId = priority.id();
            }
            properties.forEach((k, v) -> issue.properties.put(k, v.deepCopy()));
        }
    }

    private IssueFields() {
    }

    static Changes forCreate(JsonNode request, Function<JsonNode, SandboxProject> projects) {
        JiraErrors.FieldProblems problems = new JiraErrors.FieldProblems();
        Changes changes = read(request, CREATE_FIELDS, problems);
        JsonNode fields = request.path("fields");
        if (!fields.has("project")) {
            problems.add("project", "Specify a valid project ID or key");
        } else {
            changes.project = projects.apply(fields.get("project"));
            if (changes.project == null) {
                problems.add("project", "Specify a valid project ID or key");
            }
        }
        if (!fields.has("issuetype")) {
            problems.add("issuetype", "Specify an issue type");
        } else {
            changes.issueType = FieldCatalog.resolve(FieldCatalog.ISSUE_TYPES, fields.get("issuetype")).orElse(null);
            if (changes.issueType == null) {
                problems.add("issuetype", "Specify a valid issue type");
            }
        }
        if (changes.summary == null) {
            problems.add("summary", "You must specify a summary of the issue.");
        }
        problems.throwIfAny();
        return changes;
    }

    static Changes forEdit(JsonNode request) {
        JiraErrors.FieldProblems problems = new JiraErrors.FieldProblems();
        Changes changes = read(request, EDIT_FIELDS, problems);
        problems.throwIfAny();
        return changes;
    }

    private static Changes read(JsonNode request, Set<String> settable, JiraErrors.FieldProblems problems) {
        if (!request.isObject()) {
            throw JiraErrors.messages(400, "Request body must be a JSON object");
        }
        if (request.has("transition")) {
            throw JiraErrors.messages(400,
                    "The Redress Jira sandbox does not support 'transition' here; use POST /rest/api/3/issue/{key}/transitions.");
        }
        Changes changes = new Changes();
        JsonNode fields = request.path("fields");
        if (!fields.isMissingNode() && !fields.isObject()) {
            throw JiraErrors.messages(400, "'fields' must be an object");
        }
        JsonNode update = request.path("update");
        if (!update.isMissingNode() && !update.isObject()) {
            throw JiraErrors.messages(400, "'update' must be an object");
        }
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            String name = field.getKey();
            if (!settable.contains(name)) {
                problems.add(name, cannotBeSet(name));
                continue;
            }
            if (update.has(name)) {
                problems.add(name, "Field '" + name + "' cannot be set in both 'fields' and 'update'.");
                continue;
            }
            set(name, field.getValue(), changes, problems);
        }
        for (Map.Entry<String, JsonNode> field : update.properties()) {
            String name = field.getKey();
            if (!settable.contains(name) || name.equals("project") || name.equals("issuetype")) {
                problems.add(name, cannotBeSet(name));
                continue;
            }
            if (!field.getValue().isArray()) {
                problems.add(name, "Field '" + name + "': update operations must be an array.");
                continue;
            }
            for (JsonNode operation : field.getValue()) {
                applyOperation(name, operation, changes, problems);
            }
        }
        readProperties(request.path("properties"), changes, problems);
        return changes;
    }

    static String cannotBeSet(String name) {
        return "Field '" + name + "' cannot be set. It is not on the appropriate screen, or unknown.";
    }

    private static void set(String name, JsonNode value, Changes changes, JiraErrors.FieldProblems problems) {
        switch (name) {
            case "summary" -> changes.summary = summary(value, problems);
            case "description" -> {
                changes.descriptionSet = true;
                changes.description = richText("description", value, problems);
            }
            case "labels" -> {
                if (!value.isArray()) {
                    problems.add("labels", "Operation value must be an array of labels.");
                } else {
                    List<String> labels = new ArrayList<>();
                    value.forEach(v -> {
                        String label = label(v, problems);
                        if (label != null && !labels.contains(label)) {
                            labels.add(label);
                        }
                    });
                    changes.labelsSet = labels;
                }
            }
            case "priority" -> {
                changes.priority = FieldCatalog.resolve(FieldCatalog.PRIORITIES, value).orElse(null);
                if (changes.priority == null) {
                    problems.add("priority", "Specify a valid priority (Highest, High, Medium, Low, Lowest).");
                }
            }
            default -> {
                // project and issuetype are read by forCreate, which knows the configured projects
            }
        }
    }

    private static void applyOperation(String name, JsonNode operation, Changes changes, JiraErrors.FieldProblems problems) {
        if (!operation.isObject() || operation.isEmpty()) {
            problems.add(name, "Field '" + name + "': each update operation must be an object such as {\"set\": ...}.");
            return;
        }
        for (Map.Entry<String, JsonNode> op : operation.properties()) {
            String verb = op.getKey();
            JsonNode value = op.getValue();
            if (name.equals("labels") && verb.equals("add")) {
                String label = label(value, problems);
                if (label != null) {
                    changes.labelsAdd.add(label);
                }
            } else if (name.equals("labels") && verb.equals("remove")) {
                String label = label(value, problems);
                if (label != null) {
                    changes.labelsRemove.add(label);
                }
            } else if (verb.equals("set")) {
                set(name, value, changes, problems);
            } else {
                problems.add(name, "Field '" + name + "' does not support the '" + verb + "' operation.");
            }
        }
    }

    static String summary(JsonNode value, JiraErrors.FieldProblems problems) {
        if (value == null || !value.isTextual()) {
            problems.add("summary", "Operation value must be a string");
            return null;
        }
        String summary = value.asText();
        if (summary.isBlank()) {
            problems.add("summary", "You must specify a summary of the issue.");
            return null;
        }
        if (summary.indexOf('\n') >= 0 || summary.indexOf('\r') >= 0) {
            problems.add("summary", "The summary is invalid because it contains newline characters.");
            return null;
        }
        if (summary.length() > MAX_SUMMARY) {
            problems.add("summary", "Summary must be less than 255 characters.");
            return null;
        }
        return summary;
    }

    /**
     * An ADF value (Cloud) checked for shape and for Jira's 32,767-character limit on its serialized form, or a wiki
     * markup string (Data Center, whose routes let only strings through: {@link TextFormat}) with the same limit.
     */
    static JsonNode richText(String field, JsonNode value, JiraErrors.FieldProblems problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            if (value.asText().length() > Adf.MAX_SERIALIZED_LENGTH) {
                problems.add(field, JiraErrors.TEXT_TOO_LONG);
                return null;
            }
            return value;
        }
        String problem = Adf.problem(value);
        if (problem != null) {
            problems.add(field, problem);
            return null;
        }
        if (value.toString().length() > Adf.MAX_SERIALIZED_LENGTH) {
            problems.add(field, JiraErrors.TEXT_TOO_LONG);
            return null;
        }
        return value;
    }

    private static String label(JsonNode value, JiraErrors.FieldProblems problems) {
        if (value == null || !value.isTextual()) {
            problems.add("labels", "Operation value must be a string");
            return null;
        }
        String label = value.asText();
        if (label.isEmpty()) {
            problems.add("labels", "Labels cannot be empty.");
            return null;
        }
        if (label.codePoints().anyMatch(Character::isWhitespace)) {
            problems.add("labels", "The label '" + label + "' contains spaces which is invalid.");
            return null;
        }
        if (label.length() > MAX_LABEL) {
            problems.add("labels", "The label '" + label.substring(0, 20)
                    + "...' exceeds the maximum length for a single label of 255 characters.");
            return null;
        }
        return label;
    }

    private static void readProperties(JsonNode properties, Changes changes, JiraErrors.FieldProblems problems) {
        if (properties.isMissingNode() || properties.isNull()) {
            return;
        }
        if (!properties.isArray()) {
            throw JiraErrors.messages(400, "'properties' must be an array of {\"key\",\"value\"} objects");
        }
        for (JsonNode property : properties) {
            JsonNode key = property.get("key");
            if (!property.isObject() || key == null || !key.isTextual() || !property.has("value")) {
                throw JiraErrors.messages(400, "Each entry of 'properties' needs a string 'key' and a 'value'.");
            }
            String problem = propertyProblem(key.asText(), property.get("value"));
            if (problem != null) {
                throw JiraErrors.messages(400, problem);
            }
            changes.properties.put(key.asText(), property.get("value"));
        }
    }

    /** Jira's limits on entity properties: a key of 1..255 characters and a value of at most 32 KB. */
    static String propertyProblem(String key, JsonNode value) {
        if (key.isEmpty() || key.length() > MAX_PROPERTY_KEY) {
            return "The property key must be between 1 and 255 characters long.";
        }
        if (value.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PROPERTY_VALUE_BYTES) {
            return "The property value for key '" + key + "' is too long. The maximum allowed size is 32768 bytes.";
        }
        return null;
    }
}
