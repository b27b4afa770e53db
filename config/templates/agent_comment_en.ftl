<#-- An agent's public Jira comment, sent to the customer. Model: customerName, agentName, commentText, fileNames, ticketKey, subject, inboxAddress. Customer and agent text is data here, never template source. (en) -->
<#if customerName?has_content>Dear ${customerName},<#else>Hello,</#if>

<#if agentName?has_content>${agentName} from our customer care team<#else>Our customer care team</#if> has replied about your case ${ticketKey}:

${commentText}
<#if fileNames?has_content>
Attached: <#list fileNames as name>${name}<#sep>, </#list>
</#if>
To answer, simply reply to this e-mail: your reply goes straight to the same case.

Kind regards,
Customer Care
${inboxAddress}
