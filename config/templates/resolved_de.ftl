<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, scoreLinks (five links answering 1-5, empty when not asked), inboxAddress. (de) -->
<#if customerName?has_content>Guten Tag ${customerName},<#else>Guten Tag,</#if>

Ihr Vorgang ${ticketKey} („${subject}“) ist jetzt gelöst.
<#if resolutionText?has_content>

${resolutionText}
</#if>

Ist damit alles für Sie in Ordnung? Falls nicht oder falls noch etwas fehlt, antworten Sie einfach auf diese E-Mail: Ihr Vorgang wird wieder geöffnet und wir kümmern uns erneut darum.
<#if scoreLinks?has_content>

Eine letzte Frage, damit wir besser werden: Wie zufrieden sind Sie damit, wie wir Ihre Beschwerde bearbeitet haben? Ein Klick genügt:
  1 - überhaupt nicht zufrieden: ${scoreLinks[0]}
  2 - wenig zufrieden: ${scoreLinks[1]}
  3 - einigermaßen zufrieden: ${scoreLinks[2]}
  4 - zufrieden: ${scoreLinks[3]}
  5 - sehr zufrieden: ${scoreLinks[4]}
Sie können auch einfach mit einer Zahl von 1 bis 5 antworten und gern ein paar Worte dazuschreiben.
</#if>

Vielen Dank für Ihre Geduld.

Freundliche Grüße
Ihr Kundenservice
${inboxAddress}
