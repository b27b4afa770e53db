<#-- An agent's public Jira comment, sent to the customer. Model: customerName, agentName, commentText, fileNames, ticketKey, subject, inboxAddress. Customer and agent text is data here, never template source. (de) -->
<#if customerName?has_content>Guten Tag ${customerName},<#else>Guten Tag,</#if>

<#if agentName?has_content>${agentName} aus unserem Kundenservice<#else>Unser Kundenservice</#if> hat Ihnen zu Ihrem Vorgang ${ticketKey} geantwortet:

${commentText}
<#if fileNames?has_content>
Anhänge: <#list fileNames as name>${name}<#sep>, </#list>
</#if>
Um zu antworten, antworten Sie einfach auf diese E-Mail: Ihre Antwort landet direkt im selben Vorgang.

Freundliche Grüße
Ihr Kundenservice
${inboxAddress}
