package org.redress.parsing;

/**
 * Names Jakarta Mail's stream provider once for the whole JVM. Without the name, jakarta.mail looks the provider up
 * with a ServiceLoader scan of every jar on the class path each time a mail's headers are read or written: a third
 * of the gateway's CPU per complaint when it was measured, and half of what the sandbox's mail server spent taking
 * in acknowledgements. Angus Mail's provider is the one the scan would find.
 */
public final class MailStreamProvider {

    private MailStreamProvider() {
    }

    /** Sets {@code jakarta.mail.util.StreamProvider} unless the JVM was started with a provider of its own. */
    public static void nameAngus() {
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
                "org.eclipse.angus.mail.util.MailStreamProvider");
    }
}
