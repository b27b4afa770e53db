<#-- Aggiornamento mentre la pratica è aperta, quando il cliente non riceve notizie da un po'. Modello: customerName
     (può essere vuoto), ticketKey, subject, inProgress (un operatore ci sta lavorando), nextUpdate (data), resolveBy
     (data, può essere vuota), inboxAddress. (it) -->
<#if customerName?has_content>Gentile ${customerName},<#else>Buongiorno,</#if>

non ci siamo dimenticati del suo reclamo ${ticketKey} («${subject}») e ci scusiamo se richiede un po' di tempo.

A che punto è: <#if inProgress>un membro del nostro servizio clienti ci sta lavorando e sta verificando tutto ciò che ci ha inviato.<#else>è nella coda del nostro team, con tutto ciò che ci ha inviato, e verrà preso in carico a breve.</#if>
<#if resolveBy?has_content>Contiamo di risolverlo entro il ${resolveBy}.</#if>

Prossimi passi: non deve fare nulla. Le scriveremo di nuovo entro il ${nextUpdate} al più tardi, prima se avremo novità.

Se desidera aggiungere qualcosa, risponda semplicemente a questa e-mail: la sua risposta arriverà direttamente alla stessa pratica.

Cordiali saluti,
Il servizio clienti
${inboxAddress}
