<#-- Zwischenstand, solange der Vorgang offen ist und der Kunde eine Weile nichts gehört hat. Modell: customerName
     (kann leer sein), ticketKey, subject, inProgress (jemand bearbeitet ihn), nextUpdate (Datum), resolveBy (Datum,
     kann leer sein), inboxAddress. (de) -->
<#if customerName?has_content>Guten Tag ${customerName},<#else>Guten Tag,</#if>

wir haben Ihre Beschwerde ${ticketKey} („${subject}“) nicht vergessen, und es tut uns leid, dass es etwas dauert.

Der Stand: <#if inProgress>Eine Mitarbeiterin oder ein Mitarbeiter unseres Kundenservice bearbeitet sie und prüft alles, was Sie uns geschickt haben.<#else>Sie liegt mit allem, was Sie uns geschickt haben, bei unserem Team und wird in Kürze bearbeitet.</#if>
<#if resolveBy?has_content>Wir möchten sie bis zum ${resolveBy} gelöst haben.</#if>

Wie es weitergeht: Sie müssen nichts tun. Wir melden uns spätestens am ${nextUpdate} wieder bei Ihnen, früher, sobald es Neuigkeiten gibt.

Wenn Sie etwas ergänzen möchten, antworten Sie einfach auf diese E-Mail: Ihre Antwort landet direkt im selben Vorgang.

Freundliche Grüße
Ihr Kundenservice
${inboxAddress}
