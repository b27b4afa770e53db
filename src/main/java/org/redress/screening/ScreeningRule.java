package org.redress.screening;

import org.redress.complaint.Complaint;

/** One kind of evidence that a mail was not written by a customer to us. */
@FunctionalInterface
interface ScreeningRule {

    /** The reason to ignore the mail, naming the evidence, or null when this rule sees nothing. */
    String reasonToIgnore(Complaint mail);
}
