package org.redress.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * What the walk of one message (or one branch of a multipart/alternative) found: the customer's words in order,
 * forwarded messages to append after them, the files, and what could not be read (for the failure reason).
 */
final class MailContent {

    private final List<String> bodyTexts = new ArrayList<>();
    private final List<String> forwardedBlocks = new ArrayList<>();
    private final List<FoundAttachment> attachments = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private boolean hasPlainText;
    private boolean damaged;

    void addText(String text, boolean plain) {
        if (text != null && !text.isBlank()) {
            bodyTexts.add(text.strip());
            hasPlainText |= plain;
        }
    }

    void addForwarded(String block) {
        forwardedBlocks.add(block);
    }

    void addAttachment(FoundAttachment attachment) {
        attachments.add(attachment);
    }

    void addProblem(String problem) {
        problems.add(problem);
    }

    /** Some of the text was cut short by a broken transfer encoding; another alternative may be intact. */
    void addDamagedText(String problem) {
        problems.add(problem);
        damaged = true;
    }

    /** Takes everything another branch found. */
    void addAll(MailContent other) {
        bodyTexts.addAll(other.bodyTexts);
        forwardedBlocks.addAll(other.forwardedBlocks);
        attachments.addAll(other.attachments);
        problems.addAll(other.problems);
        hasPlainText |= other.hasPlainText;
        damaged |= other.damaged;
    }

    /** Takes only the files of an alternative that was not chosen for the text (inline images of the HTML). */
    void addFilesOf(MailContent other) {
        for (FoundAttachment attachment : other.attachments) {
            if (attachment instanceof FoundAttachment.File) {
                attachments.add(attachment);
            }
        }
        problems.addAll(other.problems);
    }

    boolean hasText() {
        return !bodyTexts.isEmpty() || !forwardedBlocks.isEmpty();
    }

    boolean hasPlainText() {
        return hasPlainText;
    }

    boolean isDamaged() {
        return damaged;
    }

    /** The body texts, then each forwarded message's block, separated by blank lines. */
    String text() {
        List<String> all = new ArrayList<>(bodyTexts.size() + forwardedBlocks.size());
        all.addAll(bodyTexts);
        all.addAll(forwardedBlocks);
        return String.join("\n\n", all);
    }

    List<FoundAttachment> attachments() {
        return List.copyOf(attachments);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
