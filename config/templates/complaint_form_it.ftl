<#ftl output_format="HTML">
<#-- The web complaint form (it): the words; the page itself is complaint_form_layout.ftl. -->
<#assign t = {
  "title": "Presenta un reclamo",
  "intro": "Raccontaci che cosa non è andato. Ti rispondiamo per e-mail entro pochi minuti con il numero del tuo reclamo e ti teniamo informato fino alla soluzione.",
  "languagesLabel": "Lingua",
  "requiredNote": "I campi contrassegnati da * sono obbligatori.",
  "labels": {"name": "Il tuo nome", "email": "Il tuo indirizzo e-mail", "subject": "Di che cosa si tratta?", "message": "Che cosa è successo?", "files": "File (facoltativi)"},
  "hints": {"email": "Ti rispondiamo a questo indirizzo.", "message": "Raccontacelo con parole tue, con il numero d'ordine o di fattura se lo hai.", "files": "Fino a {max} file (PDF, foto, documenti Word o di testo), al massimo {mb} MB ciascuno."},
  "fileLabel": "File",
  "submit": "Invia il mio reclamo",
  "refusedTitle": "Controlla il tuo reclamo",
  "filesAgain": "Se avevi scelto dei file, sceglili di nuovo.",
  "receivedTitle": "Grazie: abbiamo ricevuto il tuo reclamo",
  "receivedNumber": "Il numero del tuo reclamo è",
  "receivedMail": "Una conferma di ricezione è in arrivo a",
  "receivedSpam": "Se non arriva entro pochi minuti, controlla la cartella della posta indesiderata.",
  "receivedNext": "Puoi rispondere a quella e-mail in qualsiasi momento per aggiungere qualcosa al tuo reclamo.",
  "errors": {"required": "Compila questo campo.", "invalid": "Controlla questo dato: non sembra corretto.", "too-long": "Il testo è troppo lungo.", "too-large": "Un file è troppo grande.", "type": "Questo tipo di file non è accettato.", "too-many": "Ci sono troppi file.", "unknown": "Questa scelta non è disponibile.", "conflict": "Questo reclamo è già stato inviato con un contenuto diverso."}
}>
<#include "complaint_form_layout.ftl">
