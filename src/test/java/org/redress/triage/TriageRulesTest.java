package org.redress.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriageRulesTest {
    private final HintDetector detector = new HintDetector(List.of(Pattern.compile("\\bLM-\\d{4}-\\d{5}\\b")));
    private final PriorityPolicy policy = new PriorityPolicy(List.of("Highest", "High", "Medium", "Low", "Lowest"),
            "Medium", Map.of(HintKind.LEGAL, "High", HintKind.HOSTILITY, "High"), Map.of("gold", "High"), null);

    private Map<HintKind, List<String>> hints(String text) {
        Map<HintKind, List<String>> found = new java.util.EnumMap<>(HintKind.class);
        detector.detect(List.of(text)).forEach(h -> found.put(h.kind(), h.evidence()));
        return found;
    }

    @Test
    void italianLawyerThreatAndAmountAreHintsWithTheCustomersWords() {
        var found = hints("ho restituito il lampadario Vetro (349,00 €) il 14 ottobre [...] mi rivolgerò al mio "
                + "avvocato e all'associazione dei consumatori.");
        assertThat(found.get(HintKind.LEGAL)).containsExactly("avvocato", "associazione dei consumatori");
        assertThat(found.get(HintKind.MONEY)).containsExactly("349,00 €");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Je saisirai le tribunal et l'UFC-Que Choisir.|tribunal",
            "I will ask my solicitor to start a chargeback.|solicitor",
            "Ich werde meinen Anwalt einschalten.|Anwalt",
            "Acudiré a un abogado y a la OCU.|abogado",
            "Mi rivolgerò alle vie legali.|vie legali"})
    void legalLanguageIsFoundInEveryLanguage(String text, String word) {
        assertThat(hints(text).get(HintKind.LEGAL)).contains(word);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I want my GBP 120 back.|GBP 120",
            "Stehleuchte Nordlicht, 219 €|219 €",
            "un total de 1.234,56 EUR|1.234,56 EUR",
            "it cost $89.90 in the end|$89.90",
            "CHF 45 pour la livraison|CHF 45",
            "il prezzo era di £ 1,299.00|£ 1,299.00",
            "un total de 49,99\u00A0€ TTC|49,99\u00A0€"})
    void amountsAndCurrenciesAreMoneyHints(String text, String amount) {
        assertThat(hints(text).get(HintKind.MONEY)).containsExactly(amount);
    }

    @Test
    void ordinaryWordsThatContainLegalOrHostileWordsAreNotHints() {
        var found = hints("There is an issue with the suede cover; the courtesy call was unhelpful. "
                + "Mein Gericht war kalt, die Lampe ist auf mich gerichtet. Order LM-2026-10311 arrived in 2026.");
        assertThat(found).containsOnlyKeys(HintKind.ORDER_REFERENCE);
        assertThat(found.get(HintKind.ORDER_REFERENCE)).containsExactly("LM-2026-10311");
    }

    @Test
    void longShoutedOrNumericTextIsReadWithoutBlowingTheStack() {
        assertThat(hints("PLEASE READ THIS NOW ".repeat(20_000)).get(HintKind.HOSTILITY)).isNotEmpty();
        assertThat(hints("123 ".repeat(25_000) + "invoice" + " ".repeat(5_000))).doesNotContainKey(HintKind.MONEY);
    }

    @Test
    void strongWordsAndShoutingAreHostility() {
        assertThat(hints("This is APPALLING!!! Your staff are incompetent.").get(HintKind.HOSTILITY))
                .contains("APPALLING", "incompetent", "!!!");
        assertThat(hints("C'est une honte, un service scandaleux.").get(HintKind.HOSTILITY))
                .contains("honte", "scandaleux");
    }

    @Test
    void legalThreatOutranksAPlainAmountAndTierRaisesPriority() {
        var legal = policy.decide(detector.detect(List.of("avvocato, 349,00 €")), null, false);
        var money = policy.decide(detector.detect(List.of("219 €, LM-2026-10311")), null, false);
        assertThat(legal.priority()).isEqualTo("High");
        assertThat(legal.reasons()).containsExactly("legal → High");
        assertThat(money.priority()).isEqualTo("Medium");
        assertThat(policy.decide(List.of(), "Gold", false).priority()).isEqualTo("High");
    }

    @Test
    void categoryIsTheOneWithMostMatchingTerms() {
        CategoryClassifier classifier = new CategoryClassifier(CategoryClassifier.DEFAULTS);
        assertThat(classifier.classify(List.of("Lieferung seit drei Wochen überfällig, Sendungsverfolgung zeigt nichts")))
                .isEqualTo("delivery");
        assertThat(classifier.classify(List.of("Richiesta di rimborso: non ho ricevuto alcun rimborso"))).isEqualTo("refund");
        assertThat(classifier.classify(List.of("The assistant was rude to me in your store"))).isEqualTo("staff");
        assertThat(classifier.classify(List.of("Bonjour"))).isEqualTo(CategoryClassifier.OTHER);
    }
}
