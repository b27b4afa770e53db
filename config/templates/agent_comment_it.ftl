<#-- An agent's public Jira comment, sent to the customer. Model: customerName, agentName, commentText, fileNames, ticketKey, subject, inboxAddress. Customer and agent text is data here, never template source. (it) -->
<#if customerName?has_content>Gentile ${customerName},<#else>Buongiorno,</#if>

<#if agentName?has_content>${agentName} del nostro servizio clienti<#else>Il nostro servizio clienti</#if> le ha risposto sulla pratica ${ticketKey}:

${commentText}
<#if fileNames?has_content>
In allegato: <#list fileNames as name>${name}<#sep>, </#list>
</#if>
Per rispondere, risponda semplicemente a questa e-mail: la sua risposta arriva direttamente alla stessa pratica.

Cordiali saluti,
Il servizio clienti
${inboxAddress}
