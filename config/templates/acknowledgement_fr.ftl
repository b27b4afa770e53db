<#-- Accusé de réception d'une réclamation, français. Modèle : customerName (peut être vide), ticketKey, subject,
     firstResponseHours, attachmentCount, inboxAddress, earlierTickets et openEarlierTickets (références, peut-être vides). -->
<#if customerName?has_content>Bonjour ${customerName},<#else>Bonjour,</#if>

Merci de nous avoir écrit, et toutes nos excuses pour le désagrément que vous avez subi.

Nous avons bien reçu votre message<#if subject?has_content> « ${subject} »</#if><#if attachmentCount gt 0> ainsi que <#if attachmentCount gt 1>les ${attachmentCount} pièces jointes<#else>la pièce jointe</#if></#if>, enregistré sous la référence ${ticketKey}.<#if earlierTickets?has_content>

Nous voyons que vous nous avez déjà écrit (${earlierTickets?join(", ")}) et nous regrettons que vous ayez dû nous recontacter. <#if earlierTickets?size gt 1>Ces dossiers sont liés<#else>Ce dossier est lié</#if> à celui-ci : la personne qui s'en occupe dispose de tout l'historique.</#if>

La suite : un membre de notre service clients va lire attentivement tout ce que vous nous avez transmis et vous répondra personnellement sous ${firstResponseHours} heures. Vous n'aurez pas à tout réexpliquer.

Si vous souhaitez ajouter quelque chose, il vous suffit de répondre à ce message : votre réponse rejoindra directement le même dossier.

Bien cordialement,
Le service clients
${inboxAddress}
