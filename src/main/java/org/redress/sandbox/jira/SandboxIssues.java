package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * All issue state of one sandbox and the only code that touches it. One lock guards everything:
 * the gateway calls concurrently, and a single lock makes each request atomic (including its
 * write to disk) without any reasoning about finer-grained interleavings. Responses are rendered
 * while the lock is held, so nobody ever sees a half-applied change.
 */
final class SandboxIssues implements JqlQuery.Catalog {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One page of search results plus where the next page starts. */
    /** @param total how many issues match in all (Data Center's offset search reports it) */
    record SearchPage(List<ObjectNode> issues, boolean isLast, int nextOffset, int total) {
    }

    /** What GET attachment content returns. */
    record AttachmentContent(String filename, String mimeType, byte[] bytes) {
    }

    /**
     * Where change events go. Called with the lock held, so events leave in the order the changes
     * were made; the payload is only rendered when someone listens for that event.
     */
    @FunctionalInterface
    interface Events {
        Events NONE = (webhookEvent, payload) -> {
        };

        /** @param webhookEvent the event's name, as its payload's {@code webhookEvent} gives it */
        void publish(String webhookEvent, Supplier<ObjectNode> payload);
    }

    private final Object lock = new Object();
    private final Map<String, SandboxProject> projects = new LinkedHashMap<>();
    private final SandboxStateFile file;
    private final Clock clock;
    private final IssueJson json;
    private final WebhookPayloads payloads;
    private final Events events;
    private final SandboxState state;
    private final Map<String, StoredIssue> byKey = new HashMap<>();
    private final Map<Long, StoredIssue> byId = new HashMap<>();
    private final TextIndex text = new TextIndex();
    private final Map<Long, StoredAttachment> attachments = new HashMap<>();
    private final Map<Long, byte[]> memoryContent = new HashMap<>();
    private final IssueLinks links;
    private long lastTimestamp;

    /**
     * @param file   null keeps everything in memory
     * @param events {@link Events#NONE} when nobody listens
     */
    SandboxIssues(List<String> projectKeys, SandboxStateFile file, Clock clock, String baseUrl, Events events,
                  boolean dataCenter)
            throws IOException {
        this.events = events;
        this.file = file;
        this.clock = clock;
        this.state = file == null ? new SandboxState() : file.load();
        for (String key : projectKeys) {
            addProject(key);
        }
        for (StoredIssue issue : state.issues) {
            if (!projects.containsKey(issue.projectKey)) {
                addProject(issue.projectKey);
            }
            index(issue);
            lastTimestamp = Math.max(lastTimestamp, issue.updated);
        }
        this.links = new IssueLinks(state.issueLinks, byId::get);
        this.json = new IssueJson(baseUrl, projects::get, links::seenFrom, dataCenter);
        this.payloads = new WebhookPayloads(json);
    }

    private void addProject(String key) {
        String id = String.valueOf(10000 + projects.size());
        projects.put(key, new SandboxProject(id, key, "Sandbox project " + key));
    }

    private void index(StoredIssue issue) {
        byKey.put(issue.key.toUpperCase(Locale.ROOT), issue);
        byId.put(issue.id, issue);
        text.add(issue);
        issue.attachments.forEach(a -> attachments.put(a.id, a));
    }

    // ---- catalog for JQL and field references

    /** A project by its key or id, as Jira's REST paths and {@code projectKey}/{@code projectId} name one. */
    public SandboxProject projectByKeyOrId(String keyOrId) {
        for (SandboxProject p : projects.values()) {
            if (p.key().equalsIgnoreCase(keyOrId) || p.id().equals(keyOrId)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public SandboxProject project(String keyIdOrName) {
        for (SandboxProject p : projects.values()) {
            if (p.key().equalsIgnoreCase(keyIdOrName) || p.id().equals(keyIdOrName) || p.name().equalsIgnoreCase(keyIdOrName)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public StoredIssue issue(String keyOrId) {
        if (keyOrId.matches("\\d{1,18}")) {
            return byId.get(Long.parseLong(keyOrId));
        }
        return byKey.get(keyOrId.toUpperCase(Locale.ROOT));
    }

    private SandboxProject projectReference(JsonNode reference) {
        if (reference == null || !reference.isObject()) {
            return null;
        }
        JsonNode id = reference.get("id");
        if (id != null && (id.isTextual() || id.isIntegralNumber())) {
            return projects.values().stream().filter(p -> p.id().equals(id.asText())).findFirst().orElse(null);
        }
        JsonNode key = reference.get("key");
        if (key != null && key.isTextual()) {
            return projects.values().stream().filter(p -> p.key().equalsIgnoreCase(key.asText())).findFirst().orElse(null);
        }
        return null;
    }

    private StoredIssue existing(String idOrKey) {
        StoredIssue issue = issue(idOrKey);
        if (issue == null) {
            throw JiraErrors.issueNotFound();
        }
        return issue;
    }

    private long now() {
        lastTimestamp = Math.max(lastTimestamp, clock.millis());
        return lastTimestamp;
    }

    private void saved() {
        if (file != null) {
            file.save(state);
        }
    }

    // ---- issues

    ObjectNode create(JsonNode request, SandboxUser user) {
        synchronized (lock) {
            IssueFields.Changes changes = IssueFields.forCreate(request, this::projectReference);
            StoredIssue issue = new StoredIssue();
            issue.id = state.nextIssueId++;
            int number = state.lastIssueNumber.merge(changes.project.key(), 1, Integer::sum);
            issue.key = changes.project.key() + "-" + number;
            issue.projectKey = changes.project.key();
            issue.issueTypeId = changes.issueType.id();
            issue.statusId = Workflow.initial().id();
            issue.priorityId = FieldCatalog.DEFAULT_PRIORITY.id();
            issue.created = now();
            issue.updated = issue.created;
            issue.reporterAccountId = user.accountId();
            issue.reporterEmail = user.emailAddress();
            issue.reporterName = user.displayName();
            changes.applyTo(issue);
            state.issues.add(issue);
            index(issue);
            saved();
            events.publish(WebhookPayloads.ISSUE_CREATED, () -> payloads.issueCreated(issue, user));
            return json.created(issue);
        }
    }

    ObjectNode get(String idOrKey, FieldSelection fields, Collection<String> propertyKeys) {
        synchronized (lock) {
            return json.issue(existing(idOrKey), fields, propertyKeys);
        }
    }

    void edit(String idOrKey, JsonNode request, SandboxUser user) {
        synchronized (lock) {
            StoredIssue issue = existing(idOrKey);
            String summary = issue.summary;
            String description = Adf.plainText(issue.description);
            List<String> labels = List.copyOf(issue.labels);
            String priorityId = issue.priorityId;
            IssueFields.forEdit(request).applyTo(issue);
            text.changed(issue);
            issue.updated = now();
            List<ObjectNode> changes = new ArrayList<>();
            if (!Objects.equals(summary, issue.summary)) {
                changes.add(WebhookPayloads.fieldChanged("summary", null, summary, null, issue.summary));
            }
            String newDescription = Adf.plainText(issue.description);
            if (!description.equals(newDescription)) {
                changes.add(WebhookPayloads.fieldChanged("description", null, description, null, newDescription));
            }
            if (!labels.equals(issue.labels)) {
                changes.add(WebhookPayloads.fieldChanged("labels", null, String.join(" ", labels), null,
                        String.join(" ", issue.labels)));
            }
            if (!Objects.equals(priorityId, issue.priorityId)) {
                changes.add(WebhookPayloads.fieldChanged("priority", priorityId, priorityName(priorityId),
                        issue.priorityId, priorityName(issue.priorityId)));
            }
            // an edit of entity properties alone changes no field: Jira tells of it as a property event instead
            long changelogId = changes.isEmpty() ? -1 : state.nextChangelogId++;
            saved();
            if (!changes.isEmpty()) {
                events.publish(WebhookPayloads.ISSUE_UPDATED,
                        () -> payloads.issueUpdated(issue, user, changelogId, changes));
            }
        }
    }

    private static String priorityName(String id) {
        FieldCatalog.Option priority = id == null ? null : FieldCatalog.byId(FieldCatalog.PRIORITIES, id);
        return priority == null ? null : priority.name();
    }

    // ---- comments

    ObjectNode comments(String idOrKey, int startAt, int maxResults, boolean newestFirst) {
        synchronized (lock) {
            StoredIssue issue = existing(idOrKey);
            List<StoredComment> ordered = new ArrayList<>(issue.comments);
            if (newestFirst) {
                java.util.Collections.reverse(ordered);
            }
            ObjectNode page = NODES.objectNode();
            page.put("startAt", startAt);
            page.put("maxResults", maxResults);
            page.put("total", ordered.size());
            ArrayNode comments = page.putArray("comments");
            ordered.stream().skip(startAt).limit(maxResults).forEach(c -> comments.add(json.comment(issue, c)));
            return page;
        }
    }

    ObjectNode addComment(String idOrKey, JsonNode request, SandboxUser user) {
        synchronized (lock) {
            StoredIssue issue = existing(idOrKey);
            StoredComment comment = newComment(request, user);
            store(issue, comment);
            saved();
            events.publish(WebhookPayloads.COMMENT_CREATED, () -> payloads.commentCreated(issue, comment));
            return json.comment(issue, comment);
        }
    }

    /** A validated comment, not yet stored; shared by add comment and create issue link. */
    private StoredComment newComment(JsonNode request, SandboxUser user) {
        if (!request.isObject()) {
            throw JiraErrors.messages(400, "Request body must be a JSON object");
        }
        JiraErrors.FieldProblems problems = new JiraErrors.FieldProblems();
        JsonNode body = request.get("body");
        if (body == null || body.isNull()) {
            problems.add("comment", "Comment body can not be empty!");
        } else {
            IssueFields.richText("comment", body, problems);
        }
        JsonNode visibility = request.get("visibility");
        if (visibility != null && !visibility.isNull()) {
            String type = visibility.path("type").asText("");
            String value = visibility.path("value").asText(visibility.path("identifier").asText(""));
            if (!visibility.isObject() || !(type.equals("role") || type.equals("group")) || value.isBlank()) {
                problems.add("commentLevel", "Visibility needs \"type\" \"role\" or \"group\" and a non-empty \"value\".");
            }
        }
        problems.throwIfAny();
        StoredComment comment = new StoredComment();
        JsonNode properties = request.path("properties");
        if (!properties.isMissingNode() && !properties.isNull()) {
            if (!properties.isArray()) {
                throw JiraErrors.messages(400, "'properties' must be an array of {\"key\",\"value\"} objects");
            }
            for (JsonNode property : properties) {
                JsonNode key = property.get("key");
                if (key == null || !key.isTextual() || !property.has("value")) {
                    throw JiraErrors.messages(400, "Each entry of 'properties' needs a string 'key' and a 'value'.");
                }
                String problem = IssueFields.propertyProblem(key.asText(), property.get("value"));
                if (problem != null) {
                    throw JiraErrors.messages(400, problem);
                }
                comment.properties.put(key.asText(), property.get("value").deepCopy());
            }
        }
        comment.body = body.deepCopy();
        comment.visibility = visibility == null || visibility.isNull() ? null : visibility.deepCopy();
        comment.authorAccountId = user.accountId();
        comment.authorEmail = user.emailAddress();
        comment.authorName = user.displayName();
        return comment;
    }

    private void store(StoredIssue issue, StoredComment comment) {
        comment.id = state.nextCommentId++;
        comment.created = now();
        comment.updated = comment.created;
        issue.comments.add(comment);
        issue.updated = comment.created;
    }

    // ---- issue links

    /** GET /issueLinkType: the fixed default types. */
    ObjectNode linkTypes() {
        ObjectNode result = NODES.objectNode();
        ArrayNode types = result.putArray("issueLinkTypes");
        LinkTypes.DEFAULTS.forEach(t -> types.add(json.linkType(t)));
        return result;
    }

    /**
     * Links the request's inward issue (the source: it "blocks") to its outward issue, as Jira's
     * create issue link does: a missing type or issue is a 404 listing every problem, a link to
     * itself a 400, and an existing identical link is kept rather than duplicated. Jira logs a
     * "Link" change on both issues, which moves both their updated times; a comment goes on the
     * inward issue, even when the link already existed.
     *
     * @return the link's self URL, for the Location header
     */
    String link(IssueLinkRequest request, SandboxUser user) {
        synchronized (lock) {
            Set<String> missing = new LinkedHashSet<>();
            LinkTypes.Type type = request.typeId() != null ? LinkTypes.byId(request.typeId()).orElse(null)
                    : LinkTypes.byName(request.typeName()).orElse(null);
            if (type == null) {
                missing.add(request.typeId() != null
                        ? "No issue link type with id '" + request.typeId() + "' found."
                        : "No issue link type with name '" + request.typeName() + "' found.");
            }
            StoredIssue inward = issue(request.inwardIssue());
            StoredIssue outward = issue(request.outwardIssue());
            if (inward == null || outward == null) {
                missing.add(JiraErrors.ISSUE_DOES_NOT_EXIST);
            }
            if (!missing.isEmpty()) {
                throw JiraErrors.messages(404, missing.toArray(String[]::new));
            }
            if (inward == outward) {
                throw JiraErrors.messages(400, "You cannot link an issue to itself.");
            }
            JsonNode commentRequest = request.comment();
            boolean withComment = commentRequest != null && commentRequest.hasNonNull("body");
            StoredComment comment = withComment ? newComment(commentRequest, user) : null;
            StoredIssueLink link = links.find(type.id(), inward.id, outward.id);
            if (link == null) {
                link = new StoredIssueLink();
                link.id = state.nextIssueLinkId++;
                link.typeId = type.id();
                link.inwardIssueId = inward.id;
                link.outwardIssueId = outward.id;
                links.add(link);
                state.nextChangelogId += 2;
                inward.updated = now();
                outward.updated = inward.updated;
            }
            if (comment != null) {
                store(inward, comment);
            }
            saved();
            if (comment != null) {
                events.publish(WebhookPayloads.COMMENT_CREATED, () -> payloads.commentCreated(inward, comment));
            }
            return json.issueLinkSelf(link);
        }
    }

    // ---- attachments

    /** Stores files that have already passed the size check. */
    ArrayNode addAttachments(String idOrKey, List<MultipartForm.Part> files, SandboxUser user) {
        synchronized (lock) {
            StoredIssue issue = existing(idOrKey);
            ArrayNode result = NODES.arrayNode();
            List<ObjectNode> added = new ArrayList<>();
            long now = now();
            for (MultipartForm.Part part : files) {
                StoredAttachment attachment = new StoredAttachment();
                attachment.id = state.nextAttachmentId++;
                attachment.issueId = issue.id;
                attachment.filename = part.filename();
                attachment.mimeType = mimeType(part);
                attachment.size = part.content().length;
                attachment.created = now;
                attachment.authorAccountId = user.accountId();
                attachment.authorEmail = user.emailAddress();
                attachment.authorName = user.displayName();
                if (file == null) {
                    // the part's own copy, made when the request was split into parts; handed out only as clones
                    memoryContent.put(attachment.id, part.content());
                } else {
                    file.writeAttachment(attachment.id, part.content());
                }
                issue.attachments.add(attachment);
                attachments.put(attachment.id, attachment);
                result.add(json.attachment(attachment));
                added.add(WebhookPayloads.attachmentAdded(attachment));
            }
            issue.updated = now;
            long changelogId = added.isEmpty() ? -1 : state.nextChangelogId++;
            saved();
            if (!added.isEmpty()) {
                events.publish(WebhookPayloads.ISSUE_UPDATED,
                        () -> payloads.issueUpdated(issue, user, changelogId, added));
            }
            return result;
        }
    }

    /** Jira sniffs the type itself; the sandbox trusts a specific declared type, else guesses from the name. */
    private static String mimeType(MultipartForm.Part part) {
        String declared = part.contentType();
        if (declared != null && !declared.isBlank()) {
            String base = declared.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!base.equals("application/octet-stream") && base.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
                return base;
            }
        }
        String guessed = java.net.URLConnection.guessContentTypeFromName(part.filename());
        return guessed == null ? "application/octet-stream" : guessed;
    }

    ObjectNode attachmentMetadata(String id) {
        synchronized (lock) {
            return json.attachmentMetadata(existingAttachment(id));
        }
    }

    AttachmentContent attachmentContent(String id) {
        synchronized (lock) {
            StoredAttachment attachment = existingAttachment(id);
            return new AttachmentContent(attachment.filename, attachment.mimeType, bytes(attachment.id));
        }
    }

    private byte[] bytes(long attachmentId) {
        return file == null ? memoryContent.get(attachmentId).clone() : file.readAttachment(attachmentId);
    }

    private StoredAttachment existingAttachment(String id) {
        StoredAttachment attachment = id.matches("\\d{1,18}") ? attachments.get(Long.parseLong(id)) : null;
        if (attachment == null) {
            throw JiraErrors.notFound("The attachment with id '" + id + "' does not exist");
        }
        return attachment;
    }

    // ---- search

    SearchPage search(String jql, FieldSelection fields, Collection<String> propertyKeys, int offset, int maxResults) {
        synchronized (lock) {
            JqlQuery query = JqlQuery.parse(jql, this, clock.millis());
            List<StoredIssue> scope = query.wantedText() == null ? state.issues : text.candidates(query.wantedText());
            List<StoredIssue> matching = scope.stream().filter(query::matches)
                    .sorted(query.order()).toList();
            List<ObjectNode> page = matching.stream().skip(offset).limit(maxResults)
                    .map(i -> json.issue(i, fields, propertyKeys)).toList();
            int next = offset + page.size();
            return new SearchPage(page, next >= matching.size(), next, matching.size());
        }
    }

    // ---- workflow

    ObjectNode transitions(String idOrKey, String onlyId) {
        synchronized (lock) {
            StoredIssue issue = existing(idOrKey);
            ObjectNode result = NODES.objectNode();
            ArrayNode list = result.putArray("transitions");
            Workflow.from(Workflow.statusById(issue.statusId)).stream()
                    .filter(t -> onlyId == null || t.id().equals(onlyId))
                    .forEach(t -> list.add(json.transition(t)));
            return result;
        }
    }

    void transition(String idOrKey, JsonNode request, SandboxUser user) {
        synchronized (lock) {
            StoredIssue issue = existing(idOrKey);
            if (!request.isObject()) {
                throw JiraErrors.messages(400, "Request body must be a JSON object");
            }
            JsonNode id = request.path("transition").path("id");
            if (!(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
                throw JiraErrors.messages(400, "Missing 'transition' identifier");
            }
            Workflow.Status from = Workflow.statusById(issue.statusId);
            Workflow.Transition transition = Workflow.from(from).stream()
                    .filter(t -> t.id().equals(id.asText())).findFirst()
                    .orElseThrow(() -> JiraErrors.messages(400, "Transition id '" + id.asText() + "' is not valid for this issue."));
            JiraErrors.FieldProblems problems = new JiraErrors.FieldProblems();
            FieldCatalog.Option resolution = null;
            JsonNode fields = request.path("fields");
            if (!fields.isMissingNode() && !fields.isObject()) {
                throw JiraErrors.messages(400, "'fields' must be an object");
            }
            for (Map.Entry<String, JsonNode> field : fields.properties()) {
                if (field.getKey().equals("resolution") && transition == Workflow.RESOLVE) {
                    resolution = FieldCatalog.resolve(FieldCatalog.RESOLUTIONS, field.getValue()).orElse(null);
                    if (resolution == null) {
                        problems.add("resolution", "Specify a valid resolution (Done, Won't Do, Duplicate, Cannot Reproduce).");
                    }
                } else {
                    problems.add(field.getKey(), IssueFields.cannotBeSet(field.getKey()));
                }
            }
            request.path("update").fieldNames().forEachRemaining(name -> problems.add(name, IssueFields.cannotBeSet(name)));
            problems.throwIfAny();
            long now = now();
            String fromResolutionId = issue.resolutionId;
            long changelogId = state.nextChangelogId++;
            issue.statusId = transition.to().id();
            if (transition.to().category().equals(Workflow.DONE_CATEGORY)) {
                issue.resolutionId = (resolution == null ? FieldCatalog.DEFAULT_RESOLUTION : resolution).id();
                issue.resolutionDate = now;
            } else {
                issue.resolutionId = null;
                issue.resolutionDate = null;
            }
            issue.updated = now;
            saved();
            events.publish(WebhookPayloads.ISSUE_UPDATED,
                    () -> payloads.issueTransitioned(issue, user, changelogId, from, fromResolutionId));
        }
    }

    // ---- properties

    ObjectNode propertyKeys(String idOrKey) {
        synchronized (lock) {
            StoredIssue issue = existing(idOrKey);
            ObjectNode result = NODES.objectNode();
            ArrayNode keys = result.putArray("keys");
            issue.properties.keySet().forEach(k -> keys.addObject()
                    .put("self", json.issueSelf(issue) + "/properties/" + java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
                    .put("key", k));
            return result;
        }
    }

    ObjectNode property(String idOrKey, String key) {
        synchronized (lock) {
            JsonNode value = existing(idOrKey).properties.get(key);
            if (value == null) {
                throw JiraErrors.notFound("The property with key '" + key + "' does not exist.");
            }
            ObjectNode result = NODES.objectNode();
            result.put("key", key);
            result.set("value", value.deepCopy());
            return result;
        }
    }

    /** @return true when the property did not exist before */
    boolean setProperty(String idOrKey, String key, JsonNode value) {
        synchronized (lock) {
            StoredIssue issue = existing(idOrKey);
            String problem = IssueFields.propertyProblem(key, value);
            if (problem != null) {
                throw JiraErrors.messages(400, problem);
            }
            boolean created = issue.properties.put(key, value.deepCopy()) == null;
            issue.updated = now();
            saved();
            return created;
        }
    }

    void deleteProperty(String idOrKey, String key) {
        synchronized (lock) {
            StoredIssue issue = existing(idOrKey);
            if (issue.properties.remove(key) == null) {
                throw JiraErrors.notFound("The property with key '" + key + "' does not exist.");
            }
            issue.updated = now();
            saved();
        }
    }

    // ---- read-only views for the Java API and the HTML pages

    JsonNode issueOrNull(String key) {
        synchronized (lock) {
            StoredIssue issue = issue(key);
            return issue == null ? null : json.issue(issue, FieldSelection.ALL, List.of());
        }
    }

    List<String> keys() {
        synchronized (lock) {
            return state.issues.stream().map(i -> i.key).toList();
        }
    }

    byte[] attachmentBytesOrNull(String id) {
        synchronized (lock) {
            StoredAttachment attachment = id != null && id.matches("\\d{1,18}") ? attachments.get(Long.parseLong(id)) : null;
            return attachment == null ? null : bytes(attachment.id);
        }
    }

    List<ObjectNode> newestFirst() {
        synchronized (lock) {
            return state.issues.stream()
                    .sorted(Comparator.<StoredIssue>comparingLong(i -> i.created).thenComparingLong(i -> i.id).reversed())
                    .map(i -> json.issue(i, FieldSelection.ALL, List.of())).toList();
        }
    }
}
