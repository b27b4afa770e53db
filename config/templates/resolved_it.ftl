<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, scoreLinks (five links answering 1-5, empty when not asked), inboxAddress. (it) -->
<#if customerName?has_content>Gentile ${customerName},<#else>Buongiorno,</#if>

la sua pratica ${ticketKey} («${subject}») è stata risolta.
<#if resolutionText?has_content>

${resolutionText}
</#if>

La soluzione la soddisfa? In caso contrario, o se manca ancora qualcosa, risponda semplicemente a questa e-mail: la pratica verrà riaperta e la riprenderemo in mano.
<#if scoreLinks?has_content>

Un'ultima domanda, per aiutarci a migliorare: quanto è soddisfatto/a di come abbiamo gestito il suo reclamo? Basta un clic:
  1 - per nulla soddisfatto/a: ${scoreLinks[0]}
  2 - poco soddisfatto/a: ${scoreLinks[1]}
  3 - abbastanza soddisfatto/a: ${scoreLinks[2]}
  4 - soddisfatto/a: ${scoreLinks[3]}
  5 - molto soddisfatto/a: ${scoreLinks[4]}
Può anche rispondere semplicemente con un numero da 1 a 5, aggiungendo qualche parola se lo desidera.
</#if>

Grazie per la pazienza.

Cordiali saluti,
Il servizio clienti
${inboxAddress}
