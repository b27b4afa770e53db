package org.redress.triage;

import java.util.Locale;

/** What in a complaint can make it more urgent than its neighbours in the queue. */
public enum HintKind {
    /** The customer names an amount of money: what is at stake. */
    MONEY,
    /** An order or invoice number: the agent can look it up before answering. */
    ORDER_REFERENCE,
    /** Lawyers, courts, consumer associations, regulators, chargebacks: the complaint may leave the company's hands. */
    LEGAL,
    /** Strong words or shouting: the customer is angry and needs a person soon. */
    HOSTILITY;

    /** The name used in configuration keys, labels, the register and the report: {@code order-reference}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static HintKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
