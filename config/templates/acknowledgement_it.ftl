<#-- Conferma di ricezione di un reclamo, italiano. Modello: customerName (può essere vuoto), ticketKey, subject,
     firstResponseHours, attachmentCount, inboxAddress. -->
<#if customerName?has_content>Gentile ${customerName},<#else>Buongiorno,</#if>

grazie per averci scritto, e ci scusiamo per il disagio che ha dovuto affrontare.

Abbiamo ricevuto il Suo messaggio<#if subject?has_content> «${subject}»</#if><#if attachmentCount gt 0> e <#if attachmentCount gt 1>i ${attachmentCount} allegati<#else>l'allegato</#if></#if> e lo abbiamo registrato con il riferimento ${ticketKey}.

Il prossimo passo: una persona del nostro servizio clienti leggerà con attenzione tutto ciò che ci ha inviato e Le risponderà personalmente entro ${firstResponseHours} ore. Non dovrà spiegare nulla una seconda volta.

Se desidera aggiungere qualcosa, risponda semplicemente a questa e-mail: la Sua risposta andrà direttamente alla stessa pratica.

Cordiali saluti,
Servizio Clienti
${inboxAddress}
