<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, inboxAddress. (de) -->
<#if customerName?has_content>Guten Tag ${customerName},<#else>Guten Tag,</#if>

Ihr Vorgang ${ticketKey} („${subject}“) ist jetzt gelöst.
<#if resolutionText?has_content>

${resolutionText}
</#if>

Ist damit alles für Sie in Ordnung? Falls nicht oder falls noch etwas fehlt, antworten Sie einfach auf diese E-Mail: Ihr Vorgang wird wieder geöffnet und wir kümmern uns erneut darum.

Vielen Dank für Ihre Geduld.

Freundliche Grüße
Ihr Kundenservice
${inboxAddress}
