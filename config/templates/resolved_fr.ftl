<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, inboxAddress. (fr) -->
<#if customerName?has_content>Bonjour ${customerName},<#else>Bonjour,</#if>

Votre dossier ${ticketKey} (« ${subject} ») est maintenant résolu.
<#if resolutionText?has_content>

${resolutionText}
</#if>

Cette solution vous convient-elle ? Si ce n'est pas le cas, ou s'il manque encore quelque chose, répondez simplement à cet e-mail : votre dossier sera rouvert et nous le reprendrons.

Merci de votre patience.

Bien cordialement,
Le service client
${inboxAddress}
