<#ftl output_format="HTML">
<#-- The page a satisfaction link opens; HTML, every value escaped. Model: state (recorded | already | expired |
     invalid | choose), score, low, ticketKey, inboxAddress (may be empty), links (five, for "choose"). (it) -->
<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title><#if state == "recorded">Grazie<#elseif state == "already">Ha già risposto<#elseif state == "expired">Questo link è scaduto<#elseif state == "choose">Quanto è soddisfatto/a?<#else>Questo link non è valido</#if></title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.5rem} ol{padding-left:1.5rem} a{color:#0b57d0}</style>
</head>
<body>
<main>
<#if state == "recorded">
<h1>Grazie per la sua risposta</h1>
<p>Abbiamo registrato il suo voto di ${score} su 5 per la pratica ${ticketKey}.</p>
<p><#if low>Ci dispiace non aver fatto di meglio. Un membro del nostro team esaminerà come è stato gestito il suo reclamo e la ricontatterà.<#else>Siamo lieti di esserle stati d'aiuto e la ringraziamo per il tempo che ci ha dedicato.</#if></p>
<p>Se desidera dirci di più, risponda semplicemente alla nostra e-mail.</p>
<#elseif state == "already">
<h1>Ha già risposto</h1>
<p>Abbiamo già la sua risposta per questa pratica: grazie. Ogni link vale una sola volta, perché ogni risposta conti una sola volta.</p>
<#elseif state == "expired">
<h1>Questo link è scaduto</h1>
<p>Questo link non è più valido. Se desidera dirci qualcosa, risponda semplicemente alla nostra e-mail.</p>
<#elseif state == "choose">
<h1>Quanto è soddisfatto/a?</h1>
<p>Scelga un voto da 1 (per nulla soddisfatto/a) a 5 (molto soddisfatto/a):</p>
<ol><#list links as link><li><a href="${link}">${link?counter}</a></li></#list></ol>
<#else>
<h1>Questo link non è valido</h1>
<p>Non abbiamo riconosciuto questo link. Usi il link della nostra e-mail così com'è, oppure risponda semplicemente alla nostra e-mail.</p>
</#if>
<p>Il servizio clienti<#if inboxAddress?has_content><br>${inboxAddress}</#if></p>
</main>
</body>
</html>
