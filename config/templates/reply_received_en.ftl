<#-- Acknowledgement of a customer reply that reopened a resolved case. Model: customerName, ticketKey, subject, firstResponseHours, inboxAddress. (en) -->
<#if customerName?has_content>Dear ${customerName},<#else>Hello,</#if>

Thank you for your reply about "${subject}".

Your case ${ticketKey} had been closed, so we have reopened it and added your message to it. A member of our customer care team will read it and get back to you within ${firstResponseHours} hours.

If you have anything else to add, simply reply to this e-mail.

Kind regards,
Customer Care
${inboxAddress}
