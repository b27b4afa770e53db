package org.redress.triage;

import java.util.ArrayList;
import java.util.List;
import org.redress.complaint.Attachment;
import org.redress.complaint.Complaint;
import org.redress.history.CustomerHistory;

/** Reads a complaint and its attachments for its category and priority hints, and sets its priority. */
public final class Triage {
    private final HintDetector hints;
    private final CategoryClassifier categories;
    private final PriorityPolicy priorities;

    public Triage(HintDetector hints, CategoryClassifier categories, PriorityPolicy priorities) {
        this.hints = hints;
        this.categories = categories;
        this.priorities = priorities;
    }

    public Assessment assess(Complaint complaint, CustomerHistory history) {
        List<String> texts = new ArrayList<>();
        texts.add(complaint.subject());
        texts.add(complaint.text());
        for (Attachment attachment : complaint.attachments()) {
            texts.add(attachment.extractedText());
        }
        List<Hint> found = hints.detect(texts);
        return new Assessment(categories.classify(texts), found,
                priorities.decide(found, history.tier(), history.repeat()), history);
    }
}
