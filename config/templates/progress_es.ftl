<#-- Noticias mientras el caso sigue abierto, cuando el cliente lleva un tiempo sin saber nada. Modelo: customerName
     (puede estar vacío), ticketKey, subject, inProgress (alguien lo está tratando), nextUpdate (fecha), resolveBy
     (fecha, puede estar vacía), inboxAddress. (es) -->
<#if customerName?has_content>Estimado/a ${customerName}:<#else>Hola:</#if>

No nos hemos olvidado de su reclamación ${ticketKey} («${subject}») y lamentamos que esté llevando tiempo.

En qué punto está: <#if inProgress>una persona de nuestro equipo de atención al cliente se está ocupando de ella y revisando todo lo que nos envió.<#else>está en la cola de nuestro equipo, con todo lo que nos envió, y la atenderemos en breve.</#if>
<#if resolveBy?has_content>Nuestro objetivo es resolverla antes del ${resolveBy}.</#if>

Próximos pasos: no tiene que hacer nada. Volveremos a escribirle a más tardar el ${nextUpdate}, antes si tenemos novedades.

Si desea añadir algo, responda simplemente a este correo: su respuesta llegará directamente al mismo caso.

Atentamente,
Atención al cliente
${inboxAddress}
