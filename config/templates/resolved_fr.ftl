<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, scoreLinks (five links answering 1-5, empty when not asked), inboxAddress. (fr) -->
<#if customerName?has_content>Bonjour ${customerName},<#else>Bonjour,</#if>

Votre dossier ${ticketKey} (« ${subject} ») est maintenant résolu.
<#if resolutionText?has_content>

${resolutionText}
</#if>

Cette solution vous convient-elle ? Si ce n'est pas le cas, ou s'il manque encore quelque chose, répondez simplement à cet e-mail : votre dossier sera rouvert et nous le reprendrons.
<#if scoreLinks?has_content>

Une dernière question, pour nous aider à nous améliorer : dans quelle mesure êtes-vous satisfait(e) de la façon dont nous avons traité votre réclamation ? Un clic suffit :
  1 - pas du tout satisfait(e) : ${scoreLinks[0]}
  2 - peu satisfait(e) : ${scoreLinks[1]}
  3 - assez satisfait(e) : ${scoreLinks[2]}
  4 - satisfait(e) : ${scoreLinks[3]}
  5 - très satisfait(e) : ${scoreLinks[4]}
Vous pouvez aussi répondre simplement par un chiffre de 1 à 5, et ajouter quelques mots si vous le souhaitez.
</#if>

Merci de votre patience.

Bien cordialement,
Le service client
${inboxAddress}
