<#-- Acknowledgement of a customer reply that reopened a resolved case. Model: customerName, ticketKey, subject, firstResponseHours, inboxAddress. (es) -->
<#if customerName?has_content>Estimado/a ${customerName}:<#else>Hola:</#if>

Gracias por su respuesta sobre «${subject}».

Su caso ${ticketKey} estaba cerrado, así que lo hemos reabierto y hemos añadido su mensaje. Una persona de nuestro servicio de atención al cliente lo leerá y le responderá en un plazo de ${firstResponseHours} horas.

Si desea añadir algo más, responda simplemente a este correo.

Atentamente,
Atención al cliente
${inboxAddress}
