package org.redress.camel;

import java.util.List;
import org.redress.history.CustomerHistory;
import org.redress.intake.Enrichment;
import org.redress.intake.MailInProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrichment routes' steps ({@code routes/enrichment.camel.yaml}): each hands the mail to {@link Enrichment}. */
public final class EnrichmentSteps {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentSteps.class);

    private final Enrichment enrichment;

    public EnrichmentSteps(Enrichment enrichment) {
        this.enrichment = enrichment;
    }

    public void assess(MailInProgress mail) {
        enrichment.assess(mail);
        var assessment = mail.assessment();
        CustomerHistory history = assessment.history();
        LOG.info("{}: {} earlier complaint(s){}, category {}, priority {}{}", mail, history.earlier().size(),
                history.tier() == null ? "" : ", tier " + history.tier(), assessment.category(),
                assessment.priority().priority(), history.complete() ? "" : ", history unavailable: " + history.unavailable());
    }

    public void linkHistory(MailInProgress mail) {
        List<String> linked = enrichment.linkHistory(mail);
        if (!linked.isEmpty()) {
            LOG.info("{}: {} linked to the customer's earlier tickets {}", mail, mail.ticketKey(), linked);
        }
    }
}
