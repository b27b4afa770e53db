package org.redress.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What must not outlive the benchmark when it is interrupted (Ctrl-C, a CI timeout): the gateway and limit-client
 * JVMs it started and the Dovecot it started. Each registers how to stop it and deregisters once stopped; a JVM
 * shutdown hook stops whatever is still registered.
 */
final class Cleanup {
    private static final Map<Object, Runnable> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.values().forEach(stop -> {
            try {
                stop.run();
            } catch (RuntimeException e) {
                System.err.println("bench: cleanup failed: " + e);
            }
        }), "bench-cleanup"));
    }

    private Cleanup() {
    }

    static void register(Object owner, Runnable stop) {
        OPEN.put(owner, stop);
    }

    static void done(Object owner) {
        OPEN.remove(owner);
    }
}
