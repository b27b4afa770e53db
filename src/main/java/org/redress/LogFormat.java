package org.redress;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/**
 * Which appender of {@code logback.xml} writes the log: {@code json} when {@code REDRESS_LOG_FORMAT} (environment or
 * system property) says json in any case, {@code text} for anything else. Naming the appender straight from the
 * variable would leave the gateway without any log at all for a misspelt value.
 */
public final class LogFormat extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        String asked = System.getProperty("REDRESS_LOG_FORMAT", System.getenv("REDRESS_LOG_FORMAT"));
        return asked != null && asked.strip().toLowerCase(Locale.ROOT).equals("json") ? "json" : "text";
    }
}
