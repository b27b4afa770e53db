package org.redress.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.redress.complaint.Party;

/**
 * The normalized complaint as JSON: what a channel route hands to {@code direct:complaint-in} and what the register
 * keeps of it. The fields are documented in routes/README.md; file contents are base64.
 */
public final class SubmissionJson {
    private final ObjectMapper json;

    public SubmissionJson(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param defaultChannel   used when the JSON names no channel (the route's RedressChannel header), or null
     * @param defaultReference used when the JSON gives no reference (RedressReference), or null
     * @throws InvalidSubmission (415) when the bytes are not a JSON object, (400) when a field has the wrong type
     */
    public Submission read(byte[] bytes, String defaultChannel, String defaultReference) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidSubmission(415, "body", "is not JSON: " + firstLine(e), "invalid");
        }
        return read(root, defaultChannel, defaultReference);
    }

    /** The same, from a map a route built (a YAML route's {@code setBody} of a map, a queue's decoded message). */
    public Submission read(java.util.Map<?, ?> map, String defaultChannel, String defaultReference) {
        return read((JsonNode) json.valueToTree(map), defaultChannel, defaultReference);
    }

    private Submission read(JsonNode root, String defaultChannel, String defaultReference) {
        if (root == null || !root.isObject()) {
            throw new InvalidSubmission(415, "body", "must be a JSON object (the normalized complaint)", "invalid");
        }
        List<SubmissionProblem> problems = new ArrayList<>();
        JsonNode customer = root.path("customer");
        if (!customer.isMissingNode() && !customer.isNull() && !customer.isObject()) {
            problems.add(new SubmissionProblem("customer", "must be an object with email and name", "invalid"));
        }
        List<Submission.SubmittedFile> files = new ArrayList<>();
        JsonNode list = root.path("files");
        if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode file = list.get(i);
                String field = "files[" + i + "]";
                String content = text(file, "content", field + ".content", problems);
                byte[] bytes1 = null;
                try {
                    bytes1 = content == null ? null : Base64.getMimeDecoder().decode(content);
                } catch (IllegalArgumentException e) {
                    problems.add(new SubmissionProblem(field + ".content", "is not base64", "invalid"));
                }
                files.add(new Submission.SubmittedFile(text(file, "name", field + ".name", problems),
                        text(file, "contentType", field + ".contentType", problems), bytes1));
            }
        } else if (!list.isMissingNode() && !list.isNull()) {
            problems.add(new SubmissionProblem("files", "must be an array", "invalid"));
        }
        Submission submission = new Submission(or(text(root, "channel", "channel", problems), defaultChannel),
                or(text(root, "reference", "reference", problems), defaultReference),
                text(root, "inbox", "inbox", problems),
                new Party(text(customer, "email", "customer.email", problems),
                        text(customer, "name", "customer.name", problems)),
                text(root, "subject", "subject", problems), text(root, "text", "text", problems),
                text(root, "language", "language", problems), text(root, "replyChannel", "replyChannel", problems),
                files);
        if (!problems.isEmpty()) {
            throw new InvalidSubmission(400, problems);
        }
        return submission;
    }

    /** The submission as the register keeps it, and as {@link #read} reads it back. */
    public byte[] write(Submission submission) {
        ObjectNode root = json.createObjectNode();
        root.put("channel", submission.channel());
        root.put("reference", submission.reference());
        if (submission.inbox() != null) {
            root.put("inbox", submission.inbox());
        }
        ObjectNode customer = root.putObject("customer");
        customer.put("email", submission.customer().address());
        if (submission.customer().nameOrNull() != null) {
            customer.put("name", submission.customer().nameOrNull());
        }
        root.put("subject", submission.subject());
        root.put("text", submission.text());
        if (submission.language() != null) {
            root.put("language", submission.language());
        }
        root.put("replyChannel", submission.replyChannel());
        ArrayNode files = root.putArray("files");
        for (Submission.SubmittedFile file : submission.files()) {
            ObjectNode node = files.addObject();
            node.put("name", file.name());
            if (file.declaredType() != null) {
                node.put("contentType", file.declaredType());
            }
            node.put("content", Base64.getEncoder().encodeToString(file.content()));
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a submission could not be written as JSON", e);
        }
    }

    private static String text(JsonNode node, String name, String field, List<SubmissionProblem> problems) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new SubmissionProblem(field, "must be a string", "invalid"));
            return null;
        }
        return value.asText();
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String firstLine(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
