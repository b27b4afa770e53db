<#-- Acknowledgement of a customer reply that reopened a resolved case. Model: customerName, ticketKey, subject, firstResponseHours, inboxAddress. (de) -->
<#if customerName?has_content>Guten Tag ${customerName},<#else>Guten Tag,</#if>

vielen Dank für Ihre Antwort zu „${subject}“.

Ihr Vorgang ${ticketKey} war bereits abgeschlossen; wir haben ihn wieder geöffnet und Ihre Nachricht hinzugefügt. Eine Mitarbeiterin oder ein Mitarbeiter unseres Kundenservice liest sie und meldet sich innerhalb von ${firstResponseHours} Stunden bei Ihnen.

Wenn Sie noch etwas ergänzen möchten, antworten Sie einfach auf diese E-Mail.

Freundliche Grüße
Ihr Kundenservice
${inboxAddress}
