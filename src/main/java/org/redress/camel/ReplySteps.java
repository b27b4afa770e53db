package org.redress.camel;

import org.redress.intake.MailInProgress;
import org.redress.intake.ReplyIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reply routes' steps ({@code routes/intake.camel.yaml}): each hands the mail to {@link ReplyIntake}. */
public final class ReplySteps {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySteps.class);

    private final ReplyIntake replies;

    public ReplySteps(ReplyIntake replies) {
        this.replies = replies;
    }

    public void thread(MailInProgress mail) {
        replies.thread(mail);
        if (mail.isReply()) {
            LOG.info("{}: continues {} ({})", mail, mail.ticketKey(), mail.thread().rule().code());
        } else if (mail.entry().claimedKey() != null) {
            LOG.info("{}: names {} but does not continue it: a ticket of its own", mail, mail.entry().claimedKey());
        }
    }

    public void takeScore(MailInProgress mail) {
        replies.takeScore(mail);
        if (mail.isScored()) {
            LOG.info("{}: answers the satisfaction question of {}: {}", mail, mail.ticketKey(), mail.scored());
        }
    }

    public void linkFollowUp(MailInProgress mail) {
        replies.linkFollowUp(mail);
    }

    public void comment(MailInProgress mail) {
        replies.comment(mail);
    }

    public void attachFiles(MailInProgress mail) {
        replies.attachFiles(mail);
    }

    public void answer(MailInProgress mail) {
        replies.answer(mail);
        LOG.info("{}: added to {} as comment {}{}", mail, mail.ticketKey(), mail.entry().commentId(),
                mail.entry().resolvedAction() == null ? "" : " (" + mail.entry().resolvedAction() + ")");
    }
}
