package org.redress.parsing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.channel.Submission;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;

/**
 * Turns a complaint handed over by a channel route into the {@link Complaint} every later step reads: its files go
 * through the same Tika reading as a mail's, and its language is the customer's choice when they made one, else
 * detected from their words as for a mail.
 */
public final class SubmissionParser {
    private final AttachmentReader attachments;
    private final LanguageGuesser languages;
    private final Set<String> configuredLanguages;

    public SubmissionParser(AttachmentReader attachments, LanguageGuesser languages, Set<String> configuredLanguages) {
        this.attachments = attachments;
        this.languages = languages;
        this.configuredLanguages = Set.copyOf(configuredLanguages);
    }

    /** @param inbox the configured inbox the complaint belongs to */
    public Complaint parse(Submission submission, String inbox, Instant receivedAt) {
        String subject = submission.subject() == null ? "" : submission.subject().replaceAll("[\\r\\n\\t]+", " ").strip();
        String text = TextCleanup.clean(submission.text());
        List<Attachment> files = new ArrayList<>();
        for (Submission.SubmittedFile file : submission.files()) {
            files.add(attachments.read(file.name(), file.content(), file.declaredType()));
        }
        String language = submission.language() != null && configuredLanguages.contains(submission.language())
                ? submission.language() : languages.guess(subject.isEmpty() ? text : subject + "\n\n" + text);
        return new Complaint(submission.channel(), inbox, submission.customer(), List.of(), subject, text, language,
                files, null, null, List.of(), null, receivedAt, Map.of());
    }
}
