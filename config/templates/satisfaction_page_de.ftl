<#ftl output_format="HTML">
<#-- The page a satisfaction link opens; HTML, every value escaped. Model: state (recorded | already | expired |
     invalid | choose), score, low, ticketKey, inboxAddress (may be empty), links (five, for "choose"). (de) -->
<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title><#if state == "recorded">Vielen Dank<#elseif state == "already">Sie haben bereits geantwortet<#elseif state == "expired">Dieser Link ist abgelaufen<#elseif state == "choose">Wie zufrieden sind Sie?<#else>Dieser Link ist ungültig</#if></title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.5rem} ol{padding-left:1.5rem} a{color:#0b57d0}</style>
</head>
<body>
<main>
<#if state == "recorded">
<h1>Vielen Dank für Ihre Antwort</h1>
<p>Wir haben Ihre Bewertung von ${score} von 5 für den Vorgang ${ticketKey} erhalten.</p>
<p><#if low>Es tut uns leid, dass wir es nicht besser gemacht haben. Jemand aus unserem Team sieht sich an, wie Ihre Beschwerde bearbeitet wurde, und meldet sich bei Ihnen.<#else>Wir freuen uns, dass wir helfen konnten, und danken Ihnen, dass Sie sich die Zeit genommen haben.</#if></p>
<p>Wenn Sie uns mehr sagen möchten, antworten Sie einfach auf unsere E-Mail.</p>
<#elseif state == "already">
<h1>Sie haben bereits geantwortet</h1>
<p>Wir haben Ihre Antwort zu diesem Vorgang bereits: vielen Dank. Jeder Link gilt nur einmal, damit jede Antwort nur einmal zählt.</p>
<#elseif state == "expired">
<h1>Dieser Link ist abgelaufen</h1>
<p>Dieser Link ist nicht mehr gültig. Wenn Sie uns etwas mitteilen möchten, antworten Sie einfach auf unsere E-Mail.</p>
<#elseif state == "choose">
<h1>Wie zufrieden sind Sie?</h1>
<p>Bitte wählen Sie eine Bewertung von 1 (überhaupt nicht zufrieden) bis 5 (sehr zufrieden):</p>
<ol><#list links as link><li><a href="${link}">${link?counter}</a></li></#list></ol>
<#else>
<h1>Dieser Link ist ungültig</h1>
<p>Wir konnten diesen Link nicht erkennen. Bitte verwenden Sie den Link aus unserer E-Mail unverändert, oder antworten Sie einfach auf unsere E-Mail.</p>
</#if>
<p>Ihr Kundenservice<#if inboxAddress?has_content><br>${inboxAddress}</#if></p>
</main>
</body>
</html>
