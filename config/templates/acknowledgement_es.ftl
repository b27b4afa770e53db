<#-- Acuse de recibo de una reclamación, español. Modelo: customerName (puede estar vacío), ticketKey, subject,
     firstResponseHours, attachmentCount, inboxAddress, earlierTickets y openEarlierTickets (referencias, quizá vacías). -->
<#if customerName?has_content>Estimado/a ${customerName}:<#else>Hola:</#if>

Gracias por escribirnos, y lamentamos sinceramente las molestias que le ha causado esta situación.

Hemos recibido su mensaje<#if subject?has_content> «${subject}»</#if><#if attachmentCount gt 0> y <#if attachmentCount gt 1>los ${attachmentCount} archivos adjuntos<#else>el archivo adjunto</#if></#if>, y lo hemos registrado con la referencia ${ticketKey}.<#if earlierTickets?has_content>

Vemos que ya nos había escrito antes (${earlierTickets?join(", ")}) y lamentamos que haya tenido que volver a contactarnos. <#if earlierTickets?size gt 1>Esos expedientes están vinculados<#else>Ese expediente está vinculado</#if> a este, para que la persona que lo atiende conozca toda la historia.</#if>

Próximo paso: una persona de nuestro servicio de atención al cliente leerá con atención todo lo que nos ha enviado y le responderá personalmente en un plazo de ${firstResponseHours} horas. No tendrá que volver a explicar nada.

Si desea añadir algo, basta con responder a este correo: su respuesta se incorporará directamente al mismo expediente.

Atentamente,
Atención al Cliente
${inboxAddress}
