<#ftl output_format="HTML">
<#-- The web complaint form (fr): the words; the page itself is complaint_form_layout.ftl. -->
<#assign t = {
  "title": "Déposer une réclamation",
  "intro": "Dites-nous ce qui ne va pas. Nous vous répondons par e-mail en quelques minutes avec votre numéro de réclamation, et nous vous tenons informé jusqu'à sa résolution.",
  "languagesLabel": "Langue",
  "requiredNote": "Les champs marqués d'un * sont obligatoires.",
  "labels": {"name": "Votre nom", "email": "Votre adresse e-mail", "subject": "À quel sujet ?", "message": "Que s'est-il passé ?", "files": "Fichiers (facultatif)"},
  "hints": {"email": "Nous vous répondons à cette adresse.", "message": "Racontez-nous avec vos mots, avec le numéro de commande ou de facture si vous l'avez.", "files": "Jusqu'à {max} fichiers (PDF, photos, documents Word ou texte), {mb} Mo chacun au plus."},
  "fileLabel": "Fichier",
  "submit": "Envoyer ma réclamation",
  "refusedTitle": "Merci de vérifier votre réclamation",
  "filesAgain": "Si vous aviez choisi des fichiers, merci de les choisir à nouveau.",
  "receivedTitle": "Merci : nous avons bien reçu votre réclamation",
  "receivedNumber": "Votre numéro de réclamation est le",
  "receivedMail": "Un accusé de réception est en route vers",
  "receivedSpam": "S'il n'est pas arrivé d'ici quelques minutes, pensez à regarder dans vos courriers indésirables.",
  "receivedNext": "Vous pouvez répondre à cet e-mail à tout moment pour compléter votre réclamation.",
  "errors": {"required": "Merci de remplir ce champ.", "invalid": "Merci de vérifier : cela ne semble pas correct.", "too-long": "C'est trop long.", "too-large": "Un fichier est trop volumineux.", "type": "Ce type de fichier n'est pas accepté.", "too-many": "Il y a trop de fichiers.", "unknown": "Ce choix n'est pas disponible.", "conflict": "Cette réclamation a déjà été envoyée avec un autre contenu."}
}>
<#include "complaint_form_layout.ftl">
