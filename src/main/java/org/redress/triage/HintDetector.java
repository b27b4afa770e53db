package org.redress.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a complaint's words (its text and its attachments' text) for what should raise its priority, in French,
 * Italian, English, German and Spanish. Hints are suggestions for the agent, shown with the words that triggered
 * them; they never decide anything about the customer on their own.
 */
public final class HintDetector {
    private static final int MAX_EVIDENCE = 5;

    private static final String NUMBER = "\\d{1,3}+(?:[.,'\u00A0\u202F]\\d{3})++(?:[.,]\\d{1,2})?+|\\d++(?:[.,]\\d{1,2})?+";
    private static final String CURRENCY = "€|£|\\$|(?<![\\p{L}])(?:EUR|GBP|USD|CHF|euros?|pounds?|dollars?|francs?)(?![\\p{L}])";
    private static final String GAP = "[\\s\u00A0\u202F]?";
    private static final Pattern MONEY = Pattern.compile("(?:(?:" + CURRENCY + ")" + GAP + "(?:" + NUMBER + ")(?![\\d]))"
            + "|(?:(?<![\\d.,])(?:" + NUMBER + ")" + GAP + "(?:" + CURRENCY + "))", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static final WordList LEGAL = new WordList(List.of(
            // English
            "lawyer*", "solicitor*", "attorney*", "court", "courts", "sue you", "sue your", "suing", "legal action", "small claims",
            "trading standards", "ombudsman", "regulator*", "consumer association*", "consumer rights act",
            "consumer protection", "chargeback*", "charge back", "dispute the charge", "legal proceedings",
            // French
            "avocat", "avocats", "tribunal", "tribunaux", "en justice", "poursuites judiciaires", "mise en demeure", "association de consommateurs",
            "associations de consommateurs", "association de défense des consommateurs", "ufc-que choisir",
            "dgccrf", "médiateur", "conciliateur", "rétrofacturation", "opposition bancaire",
            "action en justice", "porter plainte",
            // Italian
            "avvocat*", "tribunale", "giudice", "denuncia*", "diffida", "associazione dei consumatori",
            "associazione consumatori", "associazioni dei consumatori", "codacons", "altroconsumo", "agcm",
            "azione legale", "vie legali", "carte bollate",
            // German
            "anwalt*", "rechtsanwalt*", "anwaltlich*", "vor gericht", "gerichtlich*", "klage", "verklagen", "einklagen", "verbraucherzentrale*",
            "verbraucherschutz*", "schlichtungsstelle", "rückbuchung*", "rechtliche schritte", "abmahnung*",
            "mahnverfahren",
            // Spanish
            "abogad*", "juzgado*", "demandar*", "denunciar*", "asociación de consumidores", "organización de consumidores",
            "ocu", "facua", "hoja de reclamaciones", "contracargo*", "acciones legales", "vía judicial"));

    static final WordList HOSTILE = new WordList(List.of(
            // English
            "appalling", "disgusting", "disgraceful", "outrageous", "pathetic", "incompetent", "idiot", "idiots", "rip-off",
            "ripoff", "scam", "scammed", "scammers", "shameful", "unacceptable", "a disgrace", "useless", "ridiculous", "liars",
            // French
            "honteu*", "honte", "scandaleu*", "inadmissible", "inacceptable", "incompétent*", "arnaque*", "escroc*",
            "lamentable", "minable*", "nuls", "se foutre", "foutez", "voleurs",
            // Italian
            "vergogn*", "scandalos*", "inaccettabile", "incompetent*", "truffa*", "truffator*", "schifo*",
            "pessimo", "pessima", "pessimi", "ridicol*", "ladri",
            // German
            "unverschämt*", "frechheit", "skandal*", "inakzeptabel", "inkompetent*", "betrug", "betrüger*", "abzocke*",
            "katastrophal", "lächerlich", "unverschämtheit", "zumutung",
            // Spanish
            "vergüenza", "vergonzos*", "inaceptable", "incompetente*", "estafa*", "indignante",
            "ridícul*", "sinvergüenza*", "ladrones"));

    private static final Pattern SHOUTING = Pattern.compile("!{3,}+|(?:\\b\\p{Lu}{3,}+\\b[\\s,.!?]++){4}");

    private final List<Pattern> references;

    /** @param references the shapes of the company's order and invoice numbers */
    public HintDetector(List<Pattern> references) {
        this.references = List.copyOf(references);
    }

    /** The hints found in these texts (the message, then each attachment's text), strongest kinds first. */
    public List<Hint> detect(List<String> texts) {
        String text = String.join("\n", texts);
        List<Hint> hints = new ArrayList<>();
        TextWords words = TextWords.of(text);
        add(hints, HintKind.LEGAL, LEGAL.find(text, words));
        Set<String> hostile = new LinkedHashSet<>(HOSTILE.find(text, words));
        Matcher shouting = SHOUTING.matcher(text);
        if (shouting.find()) {
            hostile.add(shouting.group().strip());
        }
        add(hints, HintKind.HOSTILITY, hostile);
        add(hints, HintKind.MONEY, matches(MONEY, text));
        Set<String> found = new LinkedHashSet<>();
        references.forEach(reference -> found.addAll(matches(reference, text)));
        add(hints, HintKind.ORDER_REFERENCE, found);
        return List.copyOf(hints);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().strip().replaceAll("\\s+", " "));
        }
        return found;
    }

    private static void add(List<Hint> hints, HintKind kind, Set<String> evidence) {
        if (!evidence.isEmpty()) {
            hints.add(new Hint(kind, evidence.stream().limit(MAX_EVIDENCE).toList()));
        }
    }
}
