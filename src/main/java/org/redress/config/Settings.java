package org.redress.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw {@code redress.*} key/value pairs with typed, checked access. Every read is remembered so that, once the
 * configuration has been read completely, any key nobody asked for can be reported as unknown: a typo in a key
 * must stop start-up rather than silently fall back to a default.
 */
final class Settings {
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})(B|KB|MB|GB)?");

    private final Map<String, String> values;
    private final Map<String, String> environment;
    private final Set<String> read = new HashSet<>();

    Settings(Map<String, String> values, Map<String, String> environment) {
        this.values = new TreeMap<>(values);
        this.environment = environment;
    }

    String required(String key) {
        String value = optional(key, null);
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, "is required but missing or blank");
        }
        return value;
    }

    String optional(String key, String fallback) {
        read.add(key);
        String raw = values.get(key);
        return raw == null ? fallback : expand(key, raw.trim());
    }

    int port(String key, int fallback) {
        int port = integer(key, fallback);
        if (port < 0 || port > 65535) {
            throw new ConfigException(key, "must be a port number 0-65535, got " + port);
        }
        return port;
    }

    int integer(String key, int fallback) {
        String value = optional(key, null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, got '" + value + "'");
        }
    }

    /** A size in bytes, written as a number of bytes or with a unit: {@code 512KB}, {@code 25MB}, {@code 1GB} (×1024). */
    long size(String key, long fallback) {
        String value = optional(key, null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Matcher matcher = SIZE.matcher(value.replace(" ", "").toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new ConfigException(key, "must be a size such as 25MB, 512KB or 1048576 (bytes), got '" + value + "'");
        }
        long number = Long.parseLong(matcher.group(1));
        int shift = switch (matcher.group(2)) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 0;
        };
        if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
            throw new ConfigException(key, "must be a positive size, got '" + value + "'");
        }
        return number << shift;
    }

    boolean bool(String key, boolean fallback) {
        String value = optional(key, null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigException(key, "must be true or false, got '" + value + "'");
    }

    Duration duration(String key, Duration fallback) {
        String value = optional(key, null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            if (duration.isNegative()) {
                throw new ConfigException(key, "must not be negative, got '" + value + "'");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new ConfigException(key, "must be an ISO-8601 duration such as PT24H or PT2S, got '" + value + "'");
        }
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String value = optional(key, null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().replace('_', '-').equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        Set<String> allowed = new TreeSet<>();
        for (E candidate : type.getEnumConstants()) {
            allowed.add(candidate.name().replace('_', '-').toLowerCase(Locale.ROOT));
        }
        throw new ConfigException(key, "must be one of " + allowed + ", got '" + value + "'");
    }

    /** The distinct ids N of keys shaped {@code prefix.N.something}, in sorted order. */
    Set<String> groupIds(String prefix) {
        Set<String> ids = new TreeSet<>();
        for (String key : values.keySet()) {
            if (key.startsWith(prefix + ".")) {
                String rest = key.substring(prefix.length() + 1);
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    ids.add(rest.substring(0, dot));
                } else {
                    throw new ConfigException(key, "is incomplete: expected " + prefix + ".<id>.<setting>");
                }
            }
        }
        return Collections.unmodifiableSet(ids);
    }

    /** The keys shaped {@code prefix.NAME} (one level, no further dot), as NAME → value, in sorted order. */
    java.util.Map<String, String> under(String prefix) {
        java.util.Map<String, String> found = new java.util.TreeMap<>();
        for (String key : values.keySet()) {
            if (key.startsWith(prefix + ".")) {
                String name = key.substring(prefix.length() + 1);
                if (name.isEmpty() || name.contains(".")) {
                    throw new ConfigException(key, "expected " + prefix + ".<name>");
                }
                found.put(name, optional(key, ""));
            }
        }
        return found;
    }

    /** Fails on the first key (in sorted order) that no part of the configuration read. */
    void rejectUnknownKeys() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new ConfigException(key, "is not a known setting (check the spelling; README lists every key)");
            }
        }
    }

    private String expand(String key, String raw) {
        Matcher matcher = ENV_REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            if (value == null) {
                value = matcher.group(2);
            }
            if (value == null) {
                throw new ConfigException(key, "refers to environment variable " + matcher.group(1) + ", which is not set");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
