<#ftl output_format="HTML">
<#-- The web complaint form (es): the words; the page itself is complaint_form_layout.ftl. -->
<#assign t = {
  "title": "Presentar una reclamación",
  "intro": "Cuéntenos qué ha fallado. Le responderemos por correo electrónico en pocos minutos con su número de reclamación y le mantendremos informado hasta que se resuelva.",
  "languagesLabel": "Idioma",
  "requiredNote": "Los campos marcados con * son obligatorios.",
  "labels": {"name": "Su nombre", "email": "Su dirección de correo electrónico", "subject": "¿De qué se trata?", "message": "¿Qué ha pasado?", "files": "Archivos (opcional)"},
  "hints": {"email": "Le responderemos a esta dirección.", "message": "Cuéntenoslo con sus palabras, con el número de pedido o de factura si lo tiene.", "files": "Hasta {max} archivos (PDF, fotos, documentos Word o de texto), {mb} MB cada uno como máximo."},
  "fileLabel": "Archivo",
  "submit": "Enviar mi reclamación",
  "refusedTitle": "Revise su reclamación, por favor",
  "filesAgain": "Si había elegido archivos, vuelva a elegirlos, por favor.",
  "receivedTitle": "Gracias: hemos recibido su reclamación",
  "receivedNumber": "Su número de reclamación es el",
  "receivedMail": "Un acuse de recibo va de camino a",
  "receivedSpam": "Si no ha llegado en unos minutos, mire en su carpeta de correo no deseado.",
  "receivedNext": "Puede responder a ese correo en cualquier momento para añadir algo a su reclamación.",
  "errors": {"required": "Rellene este campo, por favor.", "invalid": "Revise este dato: no parece correcto.", "too-long": "El texto es demasiado largo.", "too-large": "Un archivo es demasiado grande.", "type": "Este tipo de archivo no se acepta.", "too-many": "Hay demasiados archivos.", "unknown": "Esta opción no está disponible.", "conflict": "Esta reclamación ya se envió con otro contenido."}
}>
<#include "complaint_form_layout.ftl">
