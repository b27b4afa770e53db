<#-- An agent's public Jira comment, sent to the customer. Model: customerName, agentName, commentText, fileNames, ticketKey, subject, inboxAddress. Customer and agent text is data here, never template source. (fr) -->
<#if customerName?has_content>Bonjour ${customerName},<#else>Bonjour,</#if>

<#if agentName?has_content>${agentName}, de notre service client,<#else>Notre service client</#if> vous répond au sujet de votre dossier ${ticketKey} :

${commentText}
<#if fileNames?has_content>
Pièces jointes : <#list fileNames as name>${name}<#sep>, </#list>
</#if>
Pour répondre, répondez simplement à cet e-mail : votre réponse rejoint directement le même dossier.

Bien cordialement,
Le service client
${inboxAddress}
