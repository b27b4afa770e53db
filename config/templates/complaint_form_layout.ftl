<#ftl output_format="HTML">
<#-- The web complaint form's page, shared by complaint_form_<language>.ftl, which define the words (hash t) and
     include this. Model: state (form | refused | received), language, languages (code -> name), values (name, email,
     subject, message), reference (the form's idempotency key), errors (field, code, detail), maxFiles, maxFileMb,
     complaintId. Every value is escaped. -->
<#function errorsOf field><#return errors?filter(e -> e.field == field)></#function>
<#macro fieldErrors field><#list errorsOf(field)><p class="error" id="${field}-error"><#items as e>${t.errors[e.code]!t.errors.invalid}<#if field == "files" || field == "form"> (${e.detail})</#if><#sep> </#items></p></#list></#macro>
<#macro described field hint=""><#local ids = []><#if hint?has_content><#local ids = ids + [field + "-hint"]></#if><#if errorsOf(field)?has_content><#local ids = ids + [field + "-error"]></#if><#if ids?has_content> aria-describedby="${ids?join(" ")}"</#if><#if errorsOf(field)?has_content> aria-invalid="true"</#if></#macro>
<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title><#if state == "received">${t.receivedTitle}<#elseif state == "refused">${t.refusedTitle} – ${t.title}<#else>${t.title}</#if></title>
<style>
body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.6rem} label{display:block;font-weight:600;margin-top:1.2rem} .hint{color:#444;font-size:.95rem;margin:.2rem 0}
input[type=text],input[type=email],textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:2px solid #555;border-radius:4px}
textarea{min-height:10rem} input:focus,textarea:focus,button:focus,a:focus{outline:3px solid #0b57d0;outline-offset:2px}
[aria-invalid=true]{border-color:#b3261e} .error{color:#b3261e;font-weight:600;margin:.3rem 0}
.summary{border:3px solid #b3261e;padding:.5rem 1rem;margin:1rem 0} button{margin-top:1.5rem;padding:.7rem 1.4rem;font:inherit;font-weight:600;background:#0b57d0;color:#fff;border:0;border-radius:4px;cursor:pointer}
fieldset{border:0;padding:0;margin:1.2rem 0 0} legend{font-weight:600} nav ul{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap} a{color:#0b57d0}
</style>
</head>
<body>
<header>
<nav aria-label="${t.languagesLabel}"><ul><#list languages as code, name><li><#if code == language><strong aria-current="page" lang="${code}">${name}</strong><#else><a href="?lang=${code}" lang="${code}" hreflang="${code}">${name}</a></#if></li></#list></ul></nav>
</header>
<main>
<#if state == "received">
<h1>${t.receivedTitle}</h1>
<p role="status">${t.receivedNumber} <strong id="complaint-number">#${complaintId}</strong>.</p>
<p>${t.receivedMail} <strong>${values.email}</strong>. ${t.receivedSpam}</p>
<p>${t.receivedNext}</p>
<#else>
<h1>${t.title}</h1>
<p>${t.intro}</p>
<#if state == "refused">
<div class="summary" role="alert" tabindex="-1" id="error-summary">
<h2>${t.refusedTitle}</h2>
<ul><#list errors as e><li><#if e.field == "form">${t.errors[e.code]!t.errors.invalid} (${e.detail})<#else><a href="#<#if e.field == "files">file1<#else>${e.field}</#if>">${t.labels[e.field]}</a>: ${t.errors[e.code]!t.errors.invalid}</#if></li></#list></ul>
<p>${t.filesAgain}</p>
</div>
</#if>
<form method="post" action="/api/complaints" enctype="multipart/form-data" accept-charset="UTF-8">
<input type="hidden" name="language" value="${language}">
<input type="hidden" name="reference" value="${reference}">
<p class="hint">${t.requiredNote}</p>
<label for="name">${t.labels.name}</label>
<input type="text" id="name" name="name" autocomplete="name" maxlength="200" value="${values.name}"<@described "name"/>>
<@fieldErrors "name"/>
<label for="email">${t.labels.email} <span aria-hidden="true">*</span></label>
<p class="hint" id="email-hint">${t.hints.email}</p>
<input type="email" id="email" name="email" autocomplete="email" required aria-required="true" maxlength="254" value="${values.email}"<@described "email" "hint"/>>
<@fieldErrors "email"/>
<label for="subject">${t.labels.subject} <span aria-hidden="true">*</span></label>
<input type="text" id="subject" name="subject" required aria-required="true" maxlength="250" value="${values.subject}"<@described "subject"/>>
<@fieldErrors "subject"/>
<label for="message">${t.labels.message} <span aria-hidden="true">*</span></label>
<p class="hint" id="message-hint">${t.hints.message}</p>
<textarea id="message" name="message" required aria-required="true" maxlength="50000"<@described "message" "hint"/>>${values.message}</textarea>
<@fieldErrors "message"/>
<#if maxFiles gt 0>
<fieldset aria-describedby="files-hint<#if errorsOf("files")?has_content> files-error</#if>">
<legend>${t.labels.files}</legend>
<p class="hint" id="files-hint">${t.hints.files?replace("{max}", maxFiles?c)?replace("{mb}", maxFileMb?c)}</p>
<#list 1..maxFiles as n><label for="file${n}">${t.fileLabel} ${n}</label>
<input type="file" id="file${n}" name="file${n}" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.heic,.txt,.doc,.docx,.odt,.eml,application/pdf,image/*,text/plain"<#if errorsOf("files")?has_content> aria-invalid="true"</#if>>
</#list>
</fieldset>
</#if>
<@fieldErrors "files"/>
<button type="submit">${t.submit}</button>
</form>
</#if>
</main>
</body>
</html>
