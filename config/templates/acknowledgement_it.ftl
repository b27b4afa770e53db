<#-- Conferma di ricezione di un reclamo, italiano. Modello: customerName (può essere vuoto), ticketKey, subject,
     firstResponseHours, attachmentCount, inboxAddress, earlierTickets e openEarlierTickets (riferimenti, forse vuoti). -->
<#if customerName?has_content>Gentile ${customerName},<#else>Buongiorno,</#if>

grazie per averci scritto, e ci scusiamo per il disagio che ha dovuto affrontare.

Abbiamo ricevuto il Suo messaggio<#if subject?has_content> «${subject}»</#if><#if attachmentCount gt 0> e <#if attachmentCount gt 1>i ${attachmentCount} allegati<#else>l'allegato</#if></#if> e lo abbiamo registrato con il riferimento ${ticketKey}.<#if earlierTickets?has_content>

Vediamo che ci ha già scritto in precedenza (${earlierTickets?join(", ")}) e ci dispiace che abbia dovuto contattarci di nuovo. <#if earlierTickets?size gt 1>Quelle pratiche sono collegate<#else>Quella pratica è collegata</#if> a questa, così chi se ne occupa ha tutta la storia.</#if>

Il prossimo passo: una persona del nostro servizio clienti leggerà con attenzione tutto ciò che ci ha inviato e Le risponderà personalmente entro ${firstResponseHours} ore. Non dovrà spiegare nulla una seconda volta.

Se desidera aggiungere qualcosa, risponda semplicemente a questa e-mail: la Sua risposta andrà direttamente alla stessa pratica.

Cordiali saluti,
Servizio Clienti
${inboxAddress}
