<#ftl output_format="HTML">
<#-- The web complaint form (de): the words; the page itself is complaint_form_layout.ftl. -->
<#assign t = {
  "title": "Beschwerde einreichen",
  "intro": "Sagen Sie uns, was schiefgelaufen ist. Wir antworten Ihnen innerhalb weniger Minuten per E-Mail mit Ihrer Beschwerdenummer und halten Sie auf dem Laufenden, bis alles geklärt ist.",
  "languagesLabel": "Sprache",
  "requiredNote": "Mit * markierte Felder sind Pflichtfelder.",
  "labels": {"name": "Ihr Name", "email": "Ihre E-Mail-Adresse", "subject": "Worum geht es?", "message": "Was ist passiert?", "files": "Dateien (optional)"},
  "hints": {"email": "An diese Adresse schicken wir unsere Antwort.", "message": "Beschreiben Sie es mit Ihren eigenen Worten, gern mit Bestell- oder Rechnungsnummer.", "files": "Bis zu {max} Dateien (PDF, Fotos, Word- oder Textdokumente), jeweils höchstens {mb} MB."},
  "fileLabel": "Datei",
  "submit": "Beschwerde absenden",
  "refusedTitle": "Bitte prüfen Sie Ihre Beschwerde",
  "filesAgain": "Falls Sie Dateien ausgewählt hatten, wählen Sie sie bitte erneut aus.",
  "receivedTitle": "Vielen Dank: Wir haben Ihre Beschwerde erhalten",
  "receivedNumber": "Ihre Beschwerdenummer lautet",
  "receivedMail": "Eine Eingangsbestätigung ist unterwegs an",
  "receivedSpam": "Falls sie in einigen Minuten nicht angekommen ist, sehen Sie bitte in Ihrem Spam-Ordner nach.",
  "receivedNext": "Sie können jederzeit auf diese E-Mail antworten, um Ihre Beschwerde zu ergänzen.",
  "errors": {"required": "Bitte füllen Sie dieses Feld aus.", "invalid": "Bitte prüfen Sie diese Angabe.", "too-long": "Der Text ist zu lang.", "too-large": "Eine Datei ist zu groß.", "type": "Dieser Dateityp wird nicht angenommen.", "too-many": "Es sind zu viele Dateien.", "unknown": "Diese Auswahl ist nicht verfügbar.", "conflict": "Diese Beschwerde wurde bereits mit anderem Inhalt gesendet."}
}>
<#include "complaint_form_layout.ftl">
