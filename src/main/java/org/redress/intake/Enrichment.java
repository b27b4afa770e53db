package org.redress.intake;

import java.time.Clock;
import java.util.List;
import org.redress.history.CustomerHistory;
import org.redress.history.CustomerHistoryLookup;
import org.redress.history.PastComplaint;
import org.redress.jira.JiraApi;
import org.redress.jira.JiraRejectedException;
import org.redress.store.Assessments;
import org.redress.triage.Triage;

/**
 * Before a complaint is filed: who the customer is (their history from the register, Jira and the CRM) and what
 * the complaint is about and how urgent (triage). After it is filed: the customer's earlier tickets are linked to the
 * new one, so the agent sees the whole story from Jira.
 */
public final class Enrichment {
    /** Links to more earlier tickets than this are left to the description's list. */
    static final int MAX_LINKS = 10;

    private final CustomerHistoryLookup history;
    private final Triage triage;
    private final JiraApi jira;
    private final Assessments assessments;
    private final String linkType;
    private final Clock clock;

    public Enrichment(CustomerHistoryLookup history, Triage triage, JiraApi jira, Assessments assessments,
                      String linkType, Clock clock) {
        this.history = history;
        this.triage = triage;
        this.jira = jira;
        this.assessments = assessments;
        this.linkType = linkType;
        this.clock = clock;
    }

    public void assess(MailInProgress mail) {
        CustomerHistory customer = history.lookup(mail.complaint().sender().address(), mail.entry().id(),
                mail.entry().ticketKey());
        mail.assessment(triage.assess(mail.complaint(), customer));
    }

    /** The earlier tickets a new complaint's ticket is linked to (a follow-up's resolved ticket gets its own link). */
    static List<PastComplaint> toLink(MailInProgress mail) {
        return mail.assessment().history().earlier().stream()
                .filter(c -> !c.ticketKey().equals(mail.entry().claimedKey())).toList();
    }

    /**
     * Links each earlier ticket (the most recent ones) to the new ticket. An earlier ticket Jira refuses to link
     * (deleted, moved) is skipped: the description still names it.
     *
     * @return the keys linked
     */
    public List<String> linkHistory(MailInProgress mail) {
        if (mail.assessment() == null || assessments.isLinked(mail.entry().id())) {
            return List.of();
        }
        List<PastComplaint> earlier = toLink(mail);
        List<String> keys = earlier.subList(Math.max(0, earlier.size() - MAX_LINKS), earlier.size()).stream()
                .map(PastComplaint::ticketKey).toList();
        List<String> linked = new java.util.ArrayList<>();
        for (String key : keys) {
            try {
                jira.link(linkType, key, mail.ticketKey());
                linked.add(key);
            } catch (JiraRejectedException e) {
                // nothing to retry: the earlier ticket is gone or cannot be linked; the description lists it
            }
        }
        // with part of the history unknown, a later attempt may link more; an incomplete history stays unmarked.
        // Marked even when there was nothing to link: a retry would look the history up again and could take
        // tickets opened since for earlier ones
        if (mail.assessment().history().complete()) {
            assessments.linked(mail.entry().id(), clock.instant());
        }
        return linked;
    }
}
