<#-- Accusé de réception d'une réclamation, français. Modèle : customerName (peut être vide), ticketKey, subject,
     firstResponseHours, attachmentCount, inboxAddress. -->
<#if customerName?has_content>Bonjour ${customerName},<#else>Bonjour,</#if>

Merci de nous avoir écrit, et toutes nos excuses pour le désagrément que vous avez subi.

Nous avons bien reçu votre message<#if subject?has_content> « ${subject} »</#if><#if attachmentCount gt 0> ainsi que <#if attachmentCount gt 1>les ${attachmentCount} pièces jointes<#else>la pièce jointe</#if></#if>, enregistré sous la référence ${ticketKey}.

La suite : un membre de notre service clients va lire attentivement tout ce que vous nous avez transmis et vous répondra personnellement sous ${firstResponseHours} heures. Vous n'aurez pas à tout réexpliquer.

Si vous souhaitez ajouter quelque chose, il vous suffit de répondre à ce message : votre réponse rejoindra directement le même dossier.

Bien cordialement,
Le service clients
${inboxAddress}
