package org.redress.screening;

import org.redress.complaint.Complaint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Out-of-office replies that carry none of the standard markers, recognised by the subject their program writes
 * ("Automatic reply:", "Réponse automatique :", "Risposta automatica:", "Automatische Antwort:", "Respuesta
 * automática:") together with X-Auto-Response-Suppress, which Exchange puts on its own automatic replies. Neither is
 * enough alone: a customer may well write "Réponse automatique inutile !" and Outlook may put
 * X-Auto-Response-Suppress on ordinary mail, but the two together are an Exchange auto-reply.
 */
final class OutOfOfficeSubjectRule implements ScreeningRule {

    private static final Pattern OUT_OF_OFFICE_SUBJECT = Pattern.compile(
            "^\\s*(?:(?:re|aw|tr|fw|fwd|wg|r|rif|rv)\\s*:\\s*)*"
                    + "(automatic reply|auto[- ]?reply|auto[- ]?response|out of (?:the )?office"
                    + "|réponse automatique|absent du bureau|absence du bureau|message d'absence"
                    + "|risposta automatica|fuori (?:sede|ufficio)"
                    + "|automatische antwort|abwesenheitsnotiz|automatische abwesenheitsnachricht"
                    + "|respuesta automática|fuera de (?:la )?oficina)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Override
    public String reasonToIgnore(Complaint mail) {
        Matcher subject = OUT_OF_OFFICE_SUBJECT.matcher(mail.subject());
        String suppress = Headers.first(mail, "X-Auto-Response-Suppress");
        if (!subject.find() || suppress == null) {
            return null;
        }
        return "auto-reply: Subject \"" + subject.group(1) + "\" with "
                + Headers.evidence("X-Auto-Response-Suppress", suppress);
    }
}
