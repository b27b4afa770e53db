<#ftl output_format="HTML">
<#-- The page a satisfaction link opens; HTML, every value escaped. Model: state (recorded | already | expired |
     invalid | choose), score, low, ticketKey, inboxAddress (may be empty), links (five, for "choose"). (fr) -->
<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title><#if state == "recorded">Merci<#elseif state == "already">Vous avez déjà répondu<#elseif state == "expired">Ce lien a expiré<#elseif state == "choose">Êtes-vous satisfait(e) ?<#else>Ce lien n'est pas valable</#if></title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.5rem} ol{padding-left:1.5rem} a{color:#0b57d0}</style>
</head>
<body>
<main>
<#if state == "recorded">
<h1>Merci pour votre réponse</h1>
<p>Nous avons bien enregistré votre note de ${score} sur 5 pour le dossier ${ticketKey}.</p>
<p><#if low>Nous sommes désolés de ne pas avoir fait mieux. Un membre de notre équipe va examiner la façon dont votre réclamation a été traitée et reviendra vers vous.<#else>Nous sommes heureux d'avoir pu vous aider, et vous remercions d'avoir pris le temps de nous le dire.</#if></p>
<p>Si vous souhaitez nous en dire plus, répondez simplement à notre e-mail.</p>
<#elseif state == "already">
<h1>Vous avez déjà répondu</h1>
<p>Nous avons déjà votre réponse pour ce dossier : merci. Chaque lien ne sert qu'une fois, pour que chaque réponse ne compte qu'une fois.</p>
<#elseif state == "expired">
<h1>Ce lien a expiré</h1>
<p>Ce lien de satisfaction n'est plus valable. Si vous souhaitez nous dire quelque chose, répondez simplement à notre e-mail.</p>
<#elseif state == "choose">
<h1>Êtes-vous satisfait(e) ?</h1>
<p>Choisissez une note de 1 (pas du tout satisfait(e)) à 5 (très satisfait(e)) :</p>
<ol><#list links as link><li><a href="${link}">${link?counter}</a></li></#list></ol>
<#else>
<h1>Ce lien n'est pas valable</h1>
<p>Nous n'avons pas reconnu ce lien. Utilisez le lien de notre e-mail tel quel, ou répondez simplement à notre e-mail.</p>
</#if>
<p>Le service clients<#if inboxAddress?has_content><br>${inboxAddress}</#if></p>
</main>
</body>
</html>
