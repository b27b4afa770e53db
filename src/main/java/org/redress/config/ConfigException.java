package org.redress.config;

/** A configuration problem that must stop start-up; the message always names the offending key. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
        super("Configuration key '" + key + "': " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
