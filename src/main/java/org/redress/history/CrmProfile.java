package org.redress.history;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the company's CRM says about the customer. Every field may be missing: a CRM query returns what it has.
 *
 * @param preferredLanguage ISO 639-1 code, or null
 */
public record CrmProfile(String name, String tier, LocalDate customerSince, BigDecimal lifetimeValue,
                         String preferredLanguage) {
}
