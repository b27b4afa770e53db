package org.redress.camel;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.redress.channel.InvalidSubmission;
import org.redress.channel.Submission;
import org.redress.channel.SubmissionJson;
import org.redress.channel.SubmissionProblem;
import org.redress.channel.WebFormPage;
import org.redress.complaint.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web channel (routes/web-form.camel.yaml), the worked example of a channel: {@code POST /api/complaints} as
 * JSON or as the form's multipart, turned into the normalized complaint; answered as JSON, or as a page when a browser
 * posted the form. Answers to the customer go by e-mail, to the address given in the form.
 */
public final class WebFormSteps {
    public static final String CHANNEL = "web";
    private static final String ANSWER_AS_PAGE = "redressAnswerAsPage";
    private static final String LANGUAGE = "redressFormLanguage";
    private static final String TYPED = "redressFormTyped";
    private static final Logger LOG = LoggerFactory.getLogger(WebFormSteps.class);

    private final WebFormPage pages;
    private final SubmissionJson submissions;
    private final ObjectMapper json;
    private final String fallbackLanguage;
    private final boolean enabled;

    public WebFormSteps(WebFormPage pages, SubmissionJson submissions, ObjectMapper json, String fallbackLanguage,
                        boolean enabled) {
        this.pages = pages;
        this.submissions = submissions;
        this.json = json;
        this.fallbackLanguage = fallbackLanguage;
        this.enabled = enabled;
    }

    /** GET /complaints/new[?lang=xx]: the form, in the language asked for or the browser's. */
    public void page(Exchange exchange) {
        requireEnabled();
        Message in = exchange.getIn();
        String language = pages.language(in.getHeader("lang", String.class), in.getHeader("Accept-Language", String.class),
                fallbackLanguage);
        page(exchange, 200, pages.form(language));
    }

    /** The request as the normalized complaint; 415 for a body that is neither JSON nor a form. */
    public void read(Exchange exchange) throws IOException {
        requireEnabled();
        Message in = exchange.getIn();
        String contentType = String.valueOf(in.getHeader(Exchange.CONTENT_TYPE, "", String.class)).toLowerCase(java.util.Locale.ROOT);
        String accept = in.getHeader("Accept", "", String.class);
        exchange.setProperty(ANSWER_AS_PAGE, accept.contains("text/html") && !accept.contains("application/json"));
        String reference = in.getHeader("Idempotency-Key", String.class);
        if (reference == null || reference.isBlank()) {
            reference = UUID.randomUUID().toString();
        }
        Submission submission;
        if (contentType.startsWith("application/json")) {
            byte[] body = in.getBody(byte[].class);
            submission = submissions.read(body == null ? new byte[0] : body, CHANNEL, reference);
            if (!CHANNEL.equals(submission.channel())) {
                throw new InvalidSubmission(400, "channel", "this endpoint takes the web channel's complaints only",
                        "invalid");
            }
        } else if (contentType.startsWith("multipart/form-data")
                || contentType.startsWith("application/x-www-form-urlencoded")) {
            submission = fromForm(exchange, reference);
        } else {
            throw new InvalidSubmission(415, "body", "send application/json (the normalized complaint) or "
                    + "multipart/form-data (the form), not '" + contentType + "'", "invalid");
        }
        if (!"email".equals(submission.replyChannel())) {
            throw new InvalidSubmission(400, "replyChannel", "the web channel answers by e-mail only", "invalid");
        }
        exchange.setProperty(LANGUAGE, submission.language());
        // the form's fields arrived as headers: none of them may go back out as a response header
        in.removeHeaders("*");
        in.setBody(submission);
    }

    private Submission fromForm(Exchange exchange, String reference) throws IOException {
        Message in = exchange.getIn();
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("name", "email", "subject", "message", "language", "reference")) {
            Object value = in.getHeader(field);
            typed.put(field, value instanceof List<?> list ? (list.isEmpty() ? "" : String.valueOf(list.get(0)))
                    : value == null ? "" : String.valueOf(value));
        }
        exchange.setProperty(TYPED, typed);
        exchange.setProperty(LANGUAGE, typed.get("language"));
        List<Submission.SubmittedFile> files = new ArrayList<>();
        AttachmentMessage attachments = exchange.getMessage(AttachmentMessage.class);
        // platform-http keeps one file per part name: files sharing a name would be lost without a word
        Integer uploads = in.getHeader(Exchange.ATTACHMENTS_SIZE, Integer.class);
        if (uploads != null && uploads > (attachments.hasAttachments() ? attachments.getAttachments().size() : 0)) {
            throw new InvalidSubmission(400, "files", "several files came under one part name; send each file in a "
                    + "part of its own name (file1, file2, ...)", "invalid");
        }
        if (attachments.hasAttachments()) {
            for (DataHandler file : attachments.getAttachments().values()) {
                String name = file.getName();
                byte[] content;
                try (InputStream stream = file.getInputStream()) {
                    content = stream.readAllBytes();
                }
                if ((name == null || name.isBlank()) && content.length == 0) {
                    continue; // the file field left empty
                }
                files.add(new Submission.SubmittedFile(name, file.getContentType(), content));
            }
        }
        String language = typed.get("language").isBlank() ? null : typed.get("language");
        // the form's own reference (one per page shown), so that posting it twice files one complaint
        String formReference = typed.get("reference").isBlank() ? reference : "form-" + typed.get("reference");
        return new Submission(CHANNEL, formReference, null, new Party(typed.get("email"), typed.get("name")),
                typed.get("subject"), typed.get("message"), language, "email", files);
    }

    /** 202 with the receipt (JSON), or the thank-you page in the form's language. */
    @SuppressWarnings("unchecked")
    public void answer(Exchange exchange) throws IOException {
        Map<String, Object> receipt = exchange.getIn().getBody(Map.class);
        if (asPage(exchange)) {
            Map<String, String> typed = exchange.getProperty(TYPED, Map.of(), Map.class);
            page(exchange, 200, pages.received(language(exchange), ((Number) receipt.get("complaint")).longValue(),
                    typed.getOrDefault("email", "")));
            return;
        }
        answerJson(exchange, 202, receipt);
    }

    /** The error step of the web routes: what was wrong, as JSON or as the form with the problems beside the fields. */
    public void refuse(Exchange exchange) throws IOException {
        org.slf4j.MDC.remove(IntakeSteps.CORRELATION_KEY);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status;
        List<SubmissionProblem> problems;
        if (failure instanceof InvalidSubmission invalid) {
            status = invalid.status();
            problems = invalid.problems();
            LOG.info("web complaint refused ({}): {}", status, invalid.getMessage());
        } else if (failure instanceof NotServed) {
            status = 404;
            problems = List.of(new SubmissionProblem("form", "the web form is turned off (redress.web.enabled)", "unknown"));
        } else {
            status = 503;
            problems = List.of(new SubmissionProblem("form", "the complaint could not be recorded just now; nothing was "
                    + "kept, please send it again in a few minutes", "unavailable"));
            LOG.error("web complaint could not be recorded: {}", failure == null ? "?" : failure.toString(), failure);
        }
        exchange.getIn().removeHeaders("*");
        if (asPage(exchange) && status != 404) {
            @SuppressWarnings("unchecked")
            Map<String, String> typed = exchange.getProperty(TYPED, Map.of(), Map.class);
            page(exchange, status, pages.refused(language(exchange), typed, problems));
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("error", status == 503 ? "unavailable" : "invalid complaint");
        error.put("problems", problems);
        answerJson(exchange, status, error);
    }

    private boolean asPage(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getProperty(ANSWER_AS_PAGE, Boolean.class));
    }

    private String language(Exchange exchange) {
        return pages.language(exchange.getProperty(LANGUAGE, String.class), null, fallbackLanguage);
    }

    private void answerJson(Exchange exchange, int status, Object body) throws IOException {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setHeader("Cache-Control", "no-store");
        out.setBody(json.writeValueAsBytes(body));
    }

    private static void page(Exchange exchange, int status, String html) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=UTF-8");
        out.setHeader("Cache-Control", "no-store");
        out.setHeader("Referrer-Policy", "no-referrer");
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        out.setBody(html);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotServed();
        }
    }

    /** The web channel is turned off. */
    static final class NotServed extends RuntimeException {
        NotServed() {
            super("the web form is turned off (redress.web.enabled=false)");
        }
    }
}
