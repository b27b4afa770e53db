package org.redress.screening;

/**
 * Whether a mail becomes a ticket. An ignored mail is not lost (the raw mail is stored); the reason names the
 * evidence so that someone reading the log can tell a bounce from a misjudged customer at a glance.
 *
 * @param accepted true when the mail is a complaint to act on
 * @param reason   for an ignored mail, what gave it away (e.g. "auto-reply: Auto-Submitted: auto-replied");
 *                 null when accepted
 */
public record ScreeningVerdict(boolean accepted, String reason) {

    private static final ScreeningVerdict ACCEPT = new ScreeningVerdict(true, null);

    public ScreeningVerdict {
        if (!accepted && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an ignored mail needs a reason");
        }
    }

    public static ScreeningVerdict accept() {
        return ACCEPT;
    }

    public static ScreeningVerdict ignore(String reason) {
        return new ScreeningVerdict(false, reason);
    }
}
