package org.redress.camel;

import org.redress.intake.BounceIntake;
import org.redress.intake.MailInProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code record-bounce} step ({@code routes/intake.camel.yaml}): hands the mail to {@link BounceIntake}. */
public final class BounceSteps {
    private static final Logger LOG = LoggerFactory.getLogger(BounceSteps.class);

    private final BounceIntake bounces;

    public BounceSteps(BounceIntake bounces) {
        this.bounces = bounces;
    }

    public void record(MailInProgress mail) {
        bounces.record(mail);
        if (mail.isIgnored()) {
            LOG.info("{}: {}", mail, mail.entry().reason());
        }
    }
}
