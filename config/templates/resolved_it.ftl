<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, inboxAddress. (it) -->
<#if customerName?has_content>Gentile ${customerName},<#else>Buongiorno,</#if>

la sua pratica ${ticketKey} («${subject}») è stata risolta.
<#if resolutionText?has_content>

${resolutionText}
</#if>

La soluzione la soddisfa? In caso contrario, o se manca ancora qualcosa, risponda semplicemente a questa e-mail: la pratica verrà riaperta e la riprenderemo in mano.

Grazie per la pazienza.

Cordiali saluti,
Il servizio clienti
${inboxAddress}
