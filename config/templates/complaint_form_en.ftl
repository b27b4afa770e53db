<#ftl output_format="HTML">
<#-- The web complaint form (en): the words; the page itself is complaint_form_layout.ftl. -->
<#assign t = {
  "title": "Make a complaint",
  "intro": "Tell us what went wrong. We will answer you by e-mail within minutes with your complaint number, and keep you informed until it is put right.",
  "languagesLabel": "Language",
  "requiredNote": "Fields marked * are required.",
  "labels": {"name": "Your name", "email": "Your e-mail address", "subject": "What is it about?", "message": "What happened?", "files": "Files (optional)"},
  "hints": {"email": "We answer you at this address.", "message": "Please tell us in your own words, with any order or invoice number.", "files": "Up to {max} files (PDF, photos, Word or text documents), {mb} MB each at most."},
  "fileLabel": "File",
  "submit": "Send my complaint",
  "refusedTitle": "Please check your complaint",
  "filesAgain": "If you had chosen files, please choose them again.",
  "receivedTitle": "Thank you: we have received your complaint",
  "receivedNumber": "Your complaint number is",
  "receivedMail": "An acknowledgement is on its way to",
  "receivedSpam": "If it has not arrived within a few minutes, please look in your spam folder.",
  "receivedNext": "You can reply to that e-mail at any time to add to your complaint.",
  "errors": {"required": "Please fill this in.", "invalid": "Please check this: it does not look right.", "too-long": "This is too long.", "too-large": "A file is too large.", "type": "This type of file is not accepted.", "too-many": "There are too many files.", "unknown": "This choice is not available.", "conflict": "This complaint was already sent with different content."}
}>
<#include "complaint_form_layout.ftl">
