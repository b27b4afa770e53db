package org.redress.conversation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds what a mail ends with that the customer did not write for us: the block under the "-- " signature
 * delimiter and the footer a phone or Outlook app appends ("Sent from my iPhone", "Envoyé de mon iPhone"…).
 * Both are recognised only where they close the mail: the same words in the middle of a complaint are the
 * customer's own.
 */
final class SignOff {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** "-- " is the Usenet delimiter; many programs and editors drop its trailing space. */
    private static final Pattern DELIMITER = Pattern.compile("^--$");
    /** Longer than this under a "--", it is more likely the customer's text after a separator than a signature. */
    private static final int LONGEST_SIGNATURE = 12;

    private static final Pattern FOOTER_START = Pattern.compile(
            "^(sent from|sent with|sent via|sent using|envoyé de|envoyé depuis|envoyé à partir de|envoyé avec"
                    + "|envoyé via|inviato da|inviato dal|inviato con|inviato tramite|von meinem|gesendet von"
                    + "|gesendet mit|enviado desde|enviado con|enviado a través de|get outlook|obtenir outlook"
                    + "|obtenez outlook|télécharger outlook|scarica outlook|ottieni outlook|outlook für"
                    + "|holen sie sich outlook|descargar outlook|obtener outlook|obtén outlook)\\b.*", FLAGS);
    private static final Pattern FOOTER_DEVICE = Pattern.compile(
            "\\b(iphone|ipad|android|samsung|galaxy|huawei|xiaomi|pixel|blackberry|mobile|smartphone|cellulare"
                    + "|handy|téléphone|telefono|teléfono|móvil|movil|portable|outlook|yahoo|gmail|mail|ios"
                    + "|windows|proton)\\b", FLAGS);
    private static final int LONGEST_FOOTER = 80;

    private SignOff() {
    }

    /**
     * Index of the "-- " line that starts the closing signature, or {@code lines.size()} when there is none.
     * The first delimiter counts, so a signature pasted twice goes entirely.
     */
    static int signatureStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (isDelimiter(lines.get(i)) && nonBlankAfter(lines, i) <= LONGEST_SIGNATURE) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean isDelimiter(String line) {
        return DELIMITER.matcher(QuoteHeader.normalized(line)).matches();
    }

    static boolean isMobileFooter(String line) {
        String text = QuoteHeader.normalized(line);
        return text.length() <= LONGEST_FOOTER
                && FOOTER_START.matcher(text).matches()
                && FOOTER_DEVICE.matcher(text).find();
    }

    private static int nonBlankAfter(List<String> lines, int index) {
        int count = 0;
        for (int i = index + 1; i < lines.size(); i++) {
            if (!QuoteHeader.isBlank(lines.get(i))) {
                count++;
            }
        }
        return count;
    }
}
