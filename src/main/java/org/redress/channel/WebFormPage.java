package org.redress.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redress.acknowledgement.TemplateRenderer;

/**
 * The web complaint form and the page that answers it, in the customer's language, from the templates integrators
 * edit ({@code config/templates/complaint_form_<language>.ftl}). A refused form comes back with what the customer
 * typed and each problem next to its field.
 */
public final class WebFormPage {
    public static final String TEMPLATE = "complaint_form";
    /** The form's field for each field of the normalized complaint a problem can name. */
    private static final Map<String, String> FORM_FIELDS = Map.of("customer.email", "email", "customer.name", "name",
            "subject", "subject", "text", "message");

    private final TemplateRenderer templates;
    private final List<String> languages;
    private final int maxFiles;
    private final long maxFileBytes;
    private final Map<String, String> languageNames;

    public WebFormPage(TemplateRenderer templates, List<String> languages, int maxFiles, long maxFileBytes) {
        this.templates = templates;
        this.languages = List.copyOf(languages);
        this.maxFiles = maxFiles;
        this.maxFileBytes = maxFileBytes;
        // each language by its own name, for the links between the form's languages
        Map<String, String> names = new LinkedHashMap<>();
        for (String language : languages) {
            Locale locale = Locale.forLanguageTag(language);
            String name = locale.getDisplayLanguage(locale);
            names.put(language, name.isEmpty() ? language : name.substring(0, 1).toUpperCase(locale) + name.substring(1));
        }
        this.languageNames = java.util.Collections.unmodifiableMap(names);
    }

    /** The language to show: the one asked for when it is offered, else the browser's best offered choice. */
    public String language(String asked, String acceptLanguage, String fallback) {
        if (asked != null && languages.contains(asked)) {
            return asked;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String wanted = range.getRange().split("-")[0];
                    if (languages.contains(wanted)) {
                        return wanted;
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                // a malformed header is a browser's problem, not the customer's: the default language it is
            }
        }
        return fallback;
    }

    /** The empty form. */
    public String form(String language) {
        return render(language, "form", Map.of(), List.of(), null);
    }

    /** The form again, with what the customer typed (files must be chosen again) and what to fix. */
    public String refused(String language, Map<String, String> typed, List<SubmissionProblem> problems) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (SubmissionProblem problem : problems) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", formField(problem.field()));
            error.put("code", problem.code());
            error.put("detail", problem.message());
            errors.add(error);
        }
        return render(language, "refused", typed, errors, null);
    }

    /** The thank-you page. */
    public String received(String language, long complaintId, String email) {
        return render(language, "received", Map.of("email", email), List.of(), complaintId);
    }

    private String render(String language, String state, Map<String, String> typed, List<Map<String, String>> errors,
                          Long complaintId) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("state", state);
        model.put("language", language);
        model.put("languages", languageNames);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("name", "email", "subject", "message")) {
            values.put(field, typed.getOrDefault(field, ""));
        }
        model.put("values", values);
        // one reference per form shown: a double click or a resubmitted page is the same complaint, not a second one
        String reference = typed.getOrDefault("reference", "");
        model.put("reference", reference.matches("[A-Za-z0-9-]{8,64}") ? reference : java.util.UUID.randomUUID().toString());
        model.put("errors", errors);
        model.put("maxFiles", maxFiles);
        model.put("maxFileMb", Math.max(1, maxFileBytes >> 20));
        model.put("complaintId", complaintId == null ? "" : String.valueOf(complaintId));
        return templates.render(TEMPLATE, language, model).text();
    }

    private static String formField(String field) {
        if (field.startsWith("files")) {
            return "files";
        }
        return FORM_FIELDS.getOrDefault(field, "form");
    }
}
