<#-- News while the case is open, when the customer has heard nothing for a while. Model: customerName (may be empty),
     ticketKey, subject, inProgress (an agent is working on it), nextUpdate (date), resolveBy (date, may be empty),
     inboxAddress. (en) -->
<#if customerName?has_content>Dear ${customerName},<#else>Hello,</#if>

We have not forgotten your complaint ${ticketKey} ("${subject}"), and we are sorry it is taking a while.

Where it stands: <#if inProgress>a member of our customer care team is working on it and checking everything you sent us.<#else>it is in our team's queue, with everything you sent us, and will be picked up shortly.</#if>
<#if resolveBy?has_content>We aim to have it resolved by ${resolveBy}.</#if>

What happens next: you do not need to do anything. We will write to you again by ${nextUpdate} at the latest, sooner if we have news.

If you would like to add something, simply reply to this e-mail: it goes straight to the same case.

Kind regards,
Customer Care
${inboxAddress}
