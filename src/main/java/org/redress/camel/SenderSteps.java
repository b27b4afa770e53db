package org.redress.camel;

import org.redress.intake.MailInProgress;
import org.redress.intake.SenderCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code check-sender} step ({@code routes/intake.camel.yaml}): hands the mail to {@link SenderCheck}. */
public final class SenderSteps {
    private static final Logger LOG = LoggerFactory.getLogger(SenderSteps.class);

    private final SenderCheck check;

    public SenderSteps(SenderCheck check) {
        this.check = check;
    }

    public void check(MailInProgress mail) {
        check.check(mail);
        if (mail.isSenderUnverified()) {
            LOG.warn("{}: sender unverified ({}): a flagged ticket of its own, no existing ticket updated", mail,
                    mail.unverifiedSender().evidence());
        }
    }
}
