package org.redress.camel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.redress.history.CrmProfile;
import org.redress.history.HistorySources;

/**
 * The CRM as a history source: sends the customer's address to {@code direct:crm-lookup} (the {@code crm-query}
 * route, a camel-sql query on the {@code crm} datasource) and reads the row it returns. Column names are matched
 * in any case, since databases differ in how they report them.
 */
public final class CrmLookup implements HistorySources.Crm {
    public static final String ENDPOINT = "direct:crm-lookup";

    private final ProducerTemplate producer;

    public CrmLookup(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public Optional<CrmProfile> profile(String email) {
        Object result = producer.requestBodyAndHeader(ENDPOINT, null, "email", email.toLowerCase(Locale.ROOT));
        if (!(result instanceof List<?> rows) || rows.isEmpty() || !(rows.get(0) instanceof Map<?, ?> first)) {
            return Optional.empty();
        }
        Map<String, Object> row = new HashMap<>();
        first.forEach((k, v) -> row.put(String.valueOf(k).toLowerCase(Locale.ROOT), v));
        return Optional.of(new CrmProfile(text(row.get("name")), text(row.get("tier")), date(row.get("customer_since")),
                decimal(row.get("lifetime_value")), text(row.get("preferred_language"))));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        try {
            return value == null ? null : LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return null;
    }
}
