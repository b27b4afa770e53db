package org.redress.camel;

import java.util.List;
import org.redress.followup.FollowUps;
import org.redress.followup.OpenTicket;
import org.redress.followup.TicketActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reminder routes' steps ({@code routes/follow-up.camel.yaml}): each hands one ticket to {@link FollowUps}. */
public final class FollowUpSteps {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpSteps.class);

    private final FollowUps followUps;
    private final TicketActions actions;

    public FollowUpSteps(FollowUps followUps, TicketActions actions) {
        this.followUps = followUps;
        this.actions = actions;
    }

    public List<OpenTicket> openTickets() {
        return followUps.openTickets();
    }

    public void trackWaiting(OpenTicket ticket) {
        followUps.trackWaiting(ticket);
    }

    public void progressUpdate(OpenTicket ticket) {
        String done = followUps.progressUpdate(ticket);
        if (done != null) {
            LOG.info("{}", done);
        }
    }

    public void checkTargets(OpenTicket ticket) {
        followUps.checkTargets(ticket).forEach(done -> LOG.info("escalation: {}", done));
    }

    public void applyTicketActions() {
        actions.applyPending().forEach(done -> LOG.info("ticket event applied: {}", done));
    }
}
