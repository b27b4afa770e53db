<#-- Acknowledgement of a new complaint, English. Model: customerName (may be empty), ticketKey, subject,
     firstResponseHours, attachmentCount, inboxAddress, earlierTickets and openEarlierTickets (keys, possibly empty). Customer text is data here, never template source. -->
<#if customerName?has_content>Dear ${customerName},<#else>Hello,</#if>

Thank you for writing to us, and we are sorry for the trouble this has caused you.

We have received your message<#if subject?has_content> "${subject}"</#if><#if attachmentCount gt 0> and the ${attachmentCount} file<#if attachmentCount gt 1>s</#if> you sent</#if>, and recorded it under the reference ${ticketKey}.<#if earlierTickets?has_content>

We can see that you have written to us before (${earlierTickets?join(", ")}), and we are sorry you have had to contact us again. <#if earlierTickets?size gt 1>Those cases are<#else>That case is</#if> linked to this one, so the person handling it has the whole story.</#if>

What happens next: a member of our customer care team will read everything you have sent and reply to you personally within ${firstResponseHours} hours. You will not need to explain anything again.

If you have anything to add, simply reply to this e-mail: your reply goes straight to the same case.

Kind regards,
Customer Care
${inboxAddress}
