<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, scoreLinks (five links answering 1-5, empty when not asked), inboxAddress. (en) -->
<#if customerName?has_content>Dear ${customerName},<#else>Hello,</#if>

Your case ${ticketKey} ("${subject}") is now resolved.
<#if resolutionText?has_content>

${resolutionText}
</#if>

Has this put things right for you? If not, or if anything is still missing, simply reply to this e-mail: your case will be reopened and we will pick it up again.
<#if scoreLinks?has_content>

One last question, to help us do better: how satisfied are you with the way we handled your complaint? One click is enough:
  1 - not at all satisfied: ${scoreLinks[0]}
  2 - not really satisfied: ${scoreLinks[1]}
  3 - fairly satisfied: ${scoreLinks[2]}
  4 - satisfied: ${scoreLinks[3]}
  5 - very satisfied: ${scoreLinks[4]}
You can also reply with just a number from 1 to 5, and add a few words if you like.
</#if>

Thank you for your patience.

Kind regards,
Customer Care
${inboxAddress}
