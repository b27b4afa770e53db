<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, inboxAddress. (es) -->
<#if customerName?has_content>Estimado/a ${customerName}:<#else>Hola:</#if>

Su caso ${ticketKey} («${subject}») ya está resuelto.
<#if resolutionText?has_content>

${resolutionText}
</#if>

¿Ha quedado todo resuelto a su satisfacción? Si no es así, o si falta algo, responda simplemente a este correo: reabriremos su caso y volveremos a ocuparnos de él.

Gracias por su paciencia.

Atentamente,
Atención al cliente
${inboxAddress}
