<#ftl output_format="HTML">
<#-- The page a satisfaction link opens; HTML, every value escaped. Model: state (recorded | already | expired |
     invalid | choose), score, low, ticketKey, inboxAddress (may be empty), links (five, for "choose"). (en) -->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title><#if state == "recorded">Thank you<#elseif state == "already">You have already answered<#elseif state == "expired">This link has expired<#elseif state == "choose">How satisfied are you?<#else>This link is not valid</#if></title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.5rem} ol{padding-left:1.5rem} a{color:#0b57d0}</style>
</head>
<body>
<main>
<#if state == "recorded">
<h1>Thank you for your answer</h1>
<p>We have recorded your score of ${score} out of 5 for case ${ticketKey}.</p>
<p><#if low>We are sorry we did not do better. Someone from our team will look at how your complaint was handled and get back to you.<#else>We are glad we could help, and grateful you took the time to tell us.</#if></p>
<p>If you would like to tell us more, simply reply to our e-mail.</p>
<#elseif state == "already">
<h1>You have already answered</h1>
<p>We already have your answer for this case: thank you. Each link works once, so that every answer is counted once.</p>
<#elseif state == "expired">
<h1>This link has expired</h1>
<p>This satisfaction link is no longer valid. If you would like to tell us something, simply reply to our e-mail.</p>
<#elseif state == "choose">
<h1>How satisfied are you?</h1>
<p>Please choose a score from 1 (not at all satisfied) to 5 (very satisfied):</p>
<ol><#list links as link><li><a href="${link}">${link?counter}</a></li></#list></ol>
<#else>
<h1>This link is not valid</h1>
<p>We could not recognise this link. Please use the link from our e-mail exactly as it is, or simply reply to our e-mail.</p>
</#if>
<p>Customer Care<#if inboxAddress?has_content><br>${inboxAddress}</#if></p>
</main>
</body>
</html>
