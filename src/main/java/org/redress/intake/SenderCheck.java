package org.redress.intake;

import org.redress.authenticity.SenderAuthenticity;

/**
 * Notes on the mail whether our mail server vouches for its sender. Worked out again on every attempt, from the
 * mail's own headers and the configuration: nothing of it needs to be stored for a retry to decide the same.
 */
public final class SenderCheck {
    private final SenderAuthenticity authenticity;

    public SenderCheck(SenderAuthenticity authenticity) {
        this.authenticity = authenticity;
    }

    public void check(MailInProgress mail) {
        mail.unverifiedSender(authenticity.check(mail.complaint().headers().get("authentication-results"))
                .orElse(null));
    }
}
