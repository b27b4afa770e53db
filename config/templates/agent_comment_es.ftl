<#-- An agent's public Jira comment, sent to the customer. Model: customerName, agentName, commentText, fileNames, ticketKey, subject, inboxAddress. Customer and agent text is data here, never template source. (es) -->
<#if customerName?has_content>Estimado/a ${customerName}:<#else>Hola:</#if>

<#if agentName?has_content>${agentName}, de nuestro servicio de atención al cliente,<#else>Nuestro servicio de atención al cliente</#if> le ha respondido sobre su caso ${ticketKey}:

${commentText}
<#if fileNames?has_content>
Adjuntos: <#list fileNames as name>${name}<#sep>, </#list>
</#if>
Para contestar, responda simplemente a este correo: su respuesta llega directamente al mismo caso.

Atentamente,
Atención al cliente
${inboxAddress}
