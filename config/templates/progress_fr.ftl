<#-- Nouvelles pendant que le dossier est ouvert, quand le client n'a rien reçu depuis un moment. Modèle : customerName
     (peut être vide), ticketKey, subject, inProgress (un conseiller s'en occupe), nextUpdate (date), resolveBy (date,
     peut être vide), inboxAddress. (fr) -->
<#if customerName?has_content>Bonjour ${customerName},<#else>Bonjour,</#if>

Nous n'oublions pas votre réclamation ${ticketKey} (« ${subject} ») et nous sommes désolés que cela prenne du temps.

Où en est-elle : <#if inProgress>un membre de notre service clients s'en occupe et examine tout ce que vous nous avez transmis.<#else>elle est dans la file de notre équipe, avec tout ce que vous nous avez transmis, et sera prise en charge très prochainement.</#if>
<#if resolveBy?has_content>Nous visons une résolution d'ici le ${resolveBy}.</#if>

La suite : vous n'avez rien à faire. Nous vous écrirons à nouveau au plus tard le ${nextUpdate}, plus tôt si nous avons du nouveau.

Si vous souhaitez ajouter quelque chose, il vous suffit de répondre à ce message : votre réponse rejoindra directement le même dossier.

Bien cordialement,
Le service clients
${inboxAddress}
