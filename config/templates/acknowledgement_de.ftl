<#-- Eingangsbestätigung einer Reklamation, Deutsch. Modell: customerName (kann leer sein), ticketKey, subject,
     firstResponseHours, attachmentCount, inboxAddress, earlierTickets und openEarlierTickets (Zeichen, evtl. leer). -->
<#if customerName?has_content>Guten Tag ${customerName},<#else>Guten Tag,</#if>

vielen Dank für Ihre Nachricht, und es tut uns leid, dass Ihnen Unannehmlichkeiten entstanden sind.

Wir haben Ihre Nachricht<#if subject?has_content> „${subject}“</#if><#if attachmentCount gt 0> und <#if attachmentCount gt 1>die ${attachmentCount} Anhänge<#else>den Anhang</#if></#if> erhalten und unter dem Zeichen ${ticketKey} erfasst.<#if earlierTickets?has_content>

Wir sehen, dass Sie uns schon früher geschrieben haben (${earlierTickets?join(", ")}), und bedauern, dass Sie sich erneut melden mussten. <#if earlierTickets?size gt 1>Diese Vorgänge sind<#else>Dieser Vorgang ist</#if> mit dem neuen verknüpft, damit die zuständige Person den ganzen Verlauf kennt.</#if>

Wie es weitergeht: Eine Mitarbeiterin oder ein Mitarbeiter unseres Kundenservice liest alles, was Sie uns geschickt haben, und antwortet Ihnen persönlich innerhalb von ${firstResponseHours} Stunden. Sie müssen nichts noch einmal erklären.

Wenn Sie etwas ergänzen möchten, antworten Sie einfach auf diese E-Mail: Ihre Antwort landet direkt im selben Vorgang.

Freundliche Grüße
Ihr Kundenservice
${inboxAddress}
