<#-- The case is resolved, with the satisfaction check. Model: customerName, ticketKey, subject, resolutionText, scoreLinks (five links answering 1-5, empty when not asked), inboxAddress. (es) -->
<#if customerName?has_content>Estimado/a ${customerName}:<#else>Hola:</#if>

Su caso ${ticketKey} («${subject}») ya está resuelto.
<#if resolutionText?has_content>

${resolutionText}
</#if>

¿Ha quedado todo resuelto a su satisfacción? Si no es así, o si falta algo, responda simplemente a este correo: reabriremos su caso y volveremos a ocuparnos de él.
<#if scoreLinks?has_content>

Una última pregunta, para ayudarnos a mejorar: ¿qué grado de satisfacción tiene con la forma en que hemos tratado su reclamación? Basta un clic:
  1 - nada satisfecho/a: ${scoreLinks[0]}
  2 - poco satisfecho/a: ${scoreLinks[1]}
  3 - bastante satisfecho/a: ${scoreLinks[2]}
  4 - satisfecho/a: ${scoreLinks[3]}
  5 - muy satisfecho/a: ${scoreLinks[4]}
También puede responder simplemente con un número del 1 al 5 y, si lo desea, añadir unas palabras.
</#if>

Gracias por su paciencia.

Atentamente,
Atención al cliente
${inboxAddress}
