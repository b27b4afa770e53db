<#ftl output_format="HTML">
<#-- The page a satisfaction link opens; HTML, every value escaped. Model: state (recorded | already | expired |
     invalid | choose), score, low, ticketKey, inboxAddress (may be empty), links (five, for "choose"). (es) -->
<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title><#if state == "recorded">Gracias<#elseif state == "already">Ya ha respondido<#elseif state == "expired">Este enlace ha caducado<#elseif state == "choose">¿Qué grado de satisfacción tiene?<#else>Este enlace no es válido</#if></title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.5rem} ol{padding-left:1.5rem} a{color:#0b57d0}</style>
</head>
<body>
<main>
<#if state == "recorded">
<h1>Gracias por su respuesta</h1>
<p>Hemos registrado su valoración de ${score} sobre 5 para el caso ${ticketKey}.</p>
<p><#if low>Lamentamos no haberlo hecho mejor. Una persona de nuestro equipo revisará cómo se trató su reclamación y se pondrá en contacto con usted.<#else>Nos alegra haber podido ayudarle y le agradecemos que se haya tomado el tiempo de decírnoslo.</#if></p>
<p>Si desea contarnos más, responda simplemente a nuestro correo.</p>
<#elseif state == "already">
<h1>Ya ha respondido</h1>
<p>Ya tenemos su respuesta para este caso: gracias. Cada enlace sirve una sola vez, para que cada respuesta cuente una sola vez.</p>
<#elseif state == "expired">
<h1>Este enlace ha caducado</h1>
<p>Este enlace ya no es válido. Si desea decirnos algo, responda simplemente a nuestro correo.</p>
<#elseif state == "choose">
<h1>¿Qué grado de satisfacción tiene?</h1>
<p>Elija una valoración del 1 (nada satisfecho/a) al 5 (muy satisfecho/a):</p>
<ol><#list links as link><li><a href="${link}">${link?counter}</a></li></#list></ol>
<#else>
<h1>Este enlace no es válido</h1>
<p>No hemos reconocido este enlace. Utilice el enlace de nuestro correo tal cual, o responda simplemente a nuestro correo.</p>
</#if>
<p>Atención al cliente<#if inboxAddress?has_content><br>${inboxAddress}</#if></p>
</main>
</body>
</html>
