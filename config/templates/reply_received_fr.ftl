<#-- Acknowledgement of a customer reply that reopened a resolved case. Model: customerName, ticketKey, subject, firstResponseHours, inboxAddress. (fr) -->
<#if customerName?has_content>Bonjour ${customerName},<#else>Bonjour,</#if>

Merci pour votre réponse au sujet de « ${subject} ».

Votre dossier ${ticketKey} avait été clôturé : nous l'avons rouvert et y avons ajouté votre message. Un conseiller de notre service client le lira et vous répondra sous ${firstResponseHours} heures.

Pour ajouter quoi que ce soit, répondez simplement à cet e-mail.

Bien cordialement,
Le service client
${inboxAddress}
