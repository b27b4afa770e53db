<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, inboxAddress. (en) -->
<#if customerName?has_content>Dear ${customerName},<#else>Hello,</#if>

Your case ${ticketKey} ("${subject}") is now resolved.
<#if resolutionText?has_content>

${resolutionText}
</#if>

Has this put things right for you? If not, or if anything is still missing, simply reply to this e-mail: your case will be reopened and we will pick it up again.

Thank you for your patience.

Kind regards,
Customer Care
${inboxAddress}
