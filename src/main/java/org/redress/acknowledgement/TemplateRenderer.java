package org.redress.acknowledgement;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders the customer-facing messages from the Freemarker templates integrators edit in {@code config/templates}
 * (the copy in the jar when the folder is absent). Customer text only ever enters as a model value, never as
 * template source. A template is looked up as {@code <name>_<language>.ftl} and falls back to the fallback language,
 * so adding a language is adding files.
 */
public final class TemplateRenderer {
    private final Configuration freemarker;
    private final String fallbackLanguage;

    public TemplateRenderer(Path templatesDir, String fallbackLanguage) {
        this.fallbackLanguage = fallbackLanguage;
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocalizedLookup(false);
        freemarker.setTemplateLoader(loader(templatesDir));
    }

    /** Checks at start-up that every template exists in every language and compiles, naming the first that does not. */
    public void verify(List<String> names, List<String> languages) {
        for (String name : names) {
            for (String language : languages) {
                String file = name + "_" + language + ".ftl";
                try {
                    freemarker.getTemplate(file);
                } catch (TemplateNotFoundException e) {
                    if (language.equals(fallbackLanguage)) {
                        throw new IllegalStateException("Template " + file + " is missing: the fallback language needs it");
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("Template " + file + " does not compile: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Renders {@code name} in {@code language}, or in the fallback language when that template does not exist. */
    public Rendered render(String name, String language, Map<String, Object> model) {
        String used = language;
        Template template;
        try {
            try {
                template = freemarker.getTemplate(name + "_" + language + ".ftl");
            } catch (TemplateNotFoundException e) {
                used = fallbackLanguage;
                template = freemarker.getTemplate(name + "_" + fallbackLanguage + ".ftl");
            }
            StringWriter out = new StringWriter();
            template.process(model, out);
            return new Rendered(used, out.toString().strip() + "\n");
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Template " + name + " (" + used + ") failed: " + e.getMessage(), e);
        }
    }

    /** The text and the language it was actually written in. */
    public record Rendered(String language, String text) {
    }

    private static TemplateLoader loader(Path templatesDir) {
        try {
            if (Files.isDirectory(templatesDir)) {
                return new FileTemplateLoader(templatesDir.toFile());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read templates in " + templatesDir + ": " + e.getMessage(), e);
        }
        return new ClassTemplateLoader(TemplateRenderer.class.getClassLoader(), "config/templates");
    }
}
