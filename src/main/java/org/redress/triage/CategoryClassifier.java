package org.redress.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files a complaint under one category (delivery, refund, …) from its words, so that the register can show what
 * customers complain about and how that changes. The category whose terms occur most often wins; ties go
 * to the category listed first; a complaint matching none is {@code other}. Agents can still re-file in Jira.
 */
public final class CategoryClassifier {
    public static final String OTHER = "other";

    /** The built-in categories, in fr, it, en, de and es; {@code redress.category.<name>} replaces them. */
    public static final Map<String, List<String>> DEFAULTS = defaults();

    private final Map<String, WordList> categories = new LinkedHashMap<>();

    /** @param terms per category, in tie-breaking order; terms as {@link WordList} takes them */
    public CategoryClassifier(Map<String, List<String>> terms) {
        terms.forEach((name, words) -> categories.put(name, new WordList(words)));
    }

    public String classify(List<String> texts) {
        String text = String.join("\n", texts);
        TextWords words = TextWords.of(text);
        String best = OTHER;
        int bestHits = 0;
        for (Map.Entry<String, WordList> category : categories.entrySet()) {
            int hits = category.getValue().count(text, words);
            if (hits > bestHits) {
                best = category.getKey();
                bestHits = hits;
            }
        }
        return best;
    }

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("delivery", List.of("livraison*", "livré*", "colis", "transporteur", "consegn*", "spedizion*",
                "corriere", "pacco", "delivery", "delivered", "parcel", "courier", "tracking", "lieferung*", "geliefert",
                "lieferverzug", "sendung*", "paket*", "entrega*", "envío", "paquete", "mensajer*"));
        d.put("refund", List.of("rembours*", "rimbors*", "refund*", "money back", "erstatt*", "rückerstatt*",
                "reembols*", "devolución del dinero"));
        d.put("billing", List.of("factur*", "fattur*", "addebit*", "invoice*", "charged", "billing", "overcharged",
                "rechnung*", "abgebucht", "cobr*"));
        d.put("damaged-or-faulty", List.of("endommagé*", "cassé*", "défectueu*", "abîmé*", "rott*", "danneggiat*",
                "difettos*", "broken", "damaged", "faulty", "defective", "beschädigt*", "kaputt", "defekt*", "roto", "rota", "rotos",
                "dañad*", "defectuos*"));
        d.put("staff", List.of("vendeu*", "personnel", "accueil", "commess*", "personale", "staff", "assistant",
                "rude", "employee", "mitarbeiter*", "verkäufer*", "unfreundlich*", "dependient*", "emplead*"));
        d.put("warranty", List.of("garantie", "garanzia", "warranty", "guarantee", "gewährleistung", "garantía"));
        return java.util.Collections.unmodifiableMap(d);
    }
}
