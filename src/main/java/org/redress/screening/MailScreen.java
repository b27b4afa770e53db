package org.redress.screening;

import org.redress.complaint.Complaint;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which mail becomes a ticket. Answering an auto-reply, a bounce or a mailing list wastes an agent's time
 * at best and starts a mail loop at worst, so mail that shows any sign of having been sent by a program is
 * ignored, with the evidence as the reason. Rules are checked from the most specific evidence to the weakest, so
 * the reason is the most telling one.
 */
public final class MailScreen {

    private final List<ScreeningRule> rules;

    /** @param ownAddresses the gateway's own inbox and sender addresses, lower case */
    public MailScreen(Set<String> ownAddresses) {
        Set<String> own = ownAddresses.stream()
                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.rules = List.of(
                new SenderRule(own),
                new LoopRule(own),
                new AutoSubmittedRule(),
                new DeliveryReportRule(),
                new VendorAutoReplyRule(),
                new BulkMailRule(),
                new SystemSenderRule(),
                new OutOfOfficeSubjectRule());
    }

    public ScreeningVerdict screen(Complaint complaint) {
        Objects.requireNonNull(complaint, "complaint");
        for (ScreeningRule rule : rules) {
            String reason = rule.reasonToIgnore(complaint);
            if (reason != null) {
                return ScreeningVerdict.ignore(reason);
            }
        }
        return ScreeningVerdict.accept();
    }

    /**
     * True for reports written by mail systems: a multipart/report, a null reverse path, or MAILER-DAEMON/postmaster
     * as sender — the same tests that screen them out. A person's mail is never one, even in our thread.
     */
    public static boolean isMachineReport(Complaint mail) {
        return new DeliveryReportRule().reasonToIgnore(mail) != null || SystemSenderRule.isMailSystem(mail);
    }
}
