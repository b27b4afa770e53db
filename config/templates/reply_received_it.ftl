<#-- Acknowledgement of a customer reply that reopened a resolved case. Model: customerName, ticketKey, subject, firstResponseHours, inboxAddress. (it) -->
<#if customerName?has_content>Gentile ${customerName},<#else>Buongiorno,</#if>

grazie per la sua risposta riguardo a «${subject}».

La sua pratica ${ticketKey} era stata chiusa: l'abbiamo riaperta e vi abbiamo aggiunto il suo messaggio. Un operatore del nostro servizio clienti la leggerà e le risponderà entro ${firstResponseHours} ore.

Per aggiungere altro, risponda semplicemente a questa e-mail.

Cordiali saluti,
Il servizio clienti
${inboxAddress}
