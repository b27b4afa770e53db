package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Upload and download of attachments. Uploads go through Jira's XSRF guard, its switch for attachments, the caller's
 * Create Attachments permission and the per-file size limit; downloads never let a stored file run as a page of the
 * sandbox's origin, since the files are whatever customers sent.
 */
final class AttachmentEndpoints {
    /** Jira Cloud's limit: an upload of more files is refused with 413, none of them kept. */
    static final int MAX_FILES_PER_REQUEST = 60;

    private final SandboxIssues issues;
    private final AttachmentSettings settings;

    AttachmentEndpoints(SandboxIssues issues, AttachmentSettings settings) {
        this.issues = issues;
        this.settings = settings;
    }

    void upload(HttpCall call, SandboxUser user) {
        String token = call.header("x-atlassian-token");
        if (token == null || !(token.trim().equalsIgnoreCase("no-check") || token.trim().equalsIgnoreCase("nocheck"))) {
            throw JiraErrors.messages(403, "XSRF check failed");
        }
        issues.get(call.pathParam(0), FieldSelection.IDS_ONLY, List.of());
        if (!settings.enabled()) {
            throw JiraErrors.messages(403, "Attachments have been disabled for this instance of Jira.");
        }
        if (!settings.permitted()) {
            throw JiraErrors.messages(403, "You do not have permission to create attachments for this issue.");
        }
        String boundary = MultipartForm.boundary(call.header("content-type"));
        if (boundary == null) {
            throw JiraErrors.messages(415, "Unsupported Media Type: attachments must be sent as multipart/form-data with a boundary");
        }
        List<MultipartForm.Part> parts;
        try {
            parts = MultipartForm.parse(call.body(), boundary);
        } catch (IllegalArgumentException e) {
            throw JiraErrors.messages(400, "Malformed multipart/form-data body: " + e.getMessage());
        }
        List<MultipartForm.Part> files = parts.stream().filter(p -> "file".equals(p.name())).toList();
        if (files.isEmpty()) {
            throw JiraErrors.messages(400, "No attachments found: send the files as multipart parts named 'file'.");
        }
        if (files.size() > MAX_FILES_PER_REQUEST) {
            throw JiraErrors.messages(413, "You can upload at most " + MAX_FILES_PER_REQUEST + " files in one request; "
                    + "this one has " + files.size() + ".");
        }
        long limit = settings.maxBytes();
        for (MultipartForm.Part file : files) {
            if (file.filename() == null || file.filename().isBlank()) {
                throw JiraErrors.messages(400, "Each 'file' part needs a filename in its Content-Disposition header.");
            }
            if (file.content().length > limit) {
                throw JiraErrors.messages(413, "The file '" + file.filename() + "' is too large: " + file.content().length
                        + " bytes exceeds the attachment size limit of " + limit + " bytes.");
            }
        }
        call.json(200, issues.addAttachments(call.pathParam(0), files, user));
    }

    /** {@code GET attachment/meta}: whether Jira takes files, and its per-file limit. */
    void settings(HttpCall call, SandboxUser user) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("enabled", settings.enabled());
        body.put("uploadLimit", settings.maxBytes());
        call.json(200, body);
    }

    void metadata(HttpCall call, SandboxUser user) {
        call.json(200, issues.attachmentMetadata(call.pathParam(0)));
    }

    void content(HttpCall call, SandboxUser user) {
        send(call, issues.attachmentContent(call.pathParam(0)));
    }

    /** The browser download link of the HTML pages; unauthenticated like the pages themselves. */
    void download(HttpCall call, SandboxUser user) {
        SandboxIssues.AttachmentContent content;
        try {
            content = issues.attachmentContent(call.pathParam(0));
        } catch (JiraErrors.Failure e) {
            call.html(404, SandboxPages.notFound("attachment " + call.pathParam(0)));
            return;
        }
        send(call, content);
    }

    private static void send(HttpCall call, SandboxIssues.AttachmentContent content) {
        call.send(200, content.mimeType(), content.bytes(), Map.of(
                "Content-Disposition", "attachment; filename*=UTF-8''" + rfc8187(content.filename()),
                "Content-Security-Policy", "sandbox; default-src 'none'"));
    }

    private static String rfc8187(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
