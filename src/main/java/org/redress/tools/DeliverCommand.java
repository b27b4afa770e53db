package org.redress.tools;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.redress.config.SandboxConfig;

/** {@code redress deliver FILE.eml…}: hands mail files to the sandbox's SMTP server, each to its own To and Cc. */
public final class DeliverCommand {
    private final SandboxConfig sandbox;

    public DeliverCommand(SandboxConfig sandbox) {
        this.sandbox = sandbox;
    }

    public int run(List<String> files) {
        if (files.isEmpty()) {
            System.err.println("Usage: java -jar target/redress.jar deliver FILE.eml [FILE.eml …]");
            return 2;
        }
        int failures = 0;
        for (String file : files) {
            try {
                var recipients = MailDelivery.deliver(sandbox.host(), sandbox.smtpPort(), Files.readAllBytes(Path.of(file)),
                        List.of());
                System.out.println("delivered " + file + " to " + recipients);
            } catch (MessagingException | IOException e) {
                failures++;
                System.err.println("could not deliver " + file + ": " + e.getMessage());
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
