package org.redress.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.redress.config.RedressConfig;
import org.redress.store.ComplaintRegister;
import org.redress.store.Database;
import org.redress.store.Outcome;
import org.redress.store.RawMailStore;
import org.redress.store.RegisterEntry;

/**
 * {@code redress quarantine [--export DIR]}: what was quarantined and why, and the raw mail back as .eml files, so
 * that nothing quarantined is ever out of reach.
 */
public final class QuarantineCommand {
    private final RedressConfig config;

    public QuarantineCommand(RedressConfig config) {
        this.config = config;
    }

    public int run(List<String> args) throws IOException {
        Path export = null;
        if (args.size() == 2 && args.get(0).equals("--export")) {
            export = Files.createDirectories(Path.of(args.get(1)));
        } else if (!args.isEmpty()) {
            System.err.println("Usage: java -jar target/redress.jar quarantine [--export DIR]");
            return 2;
        }
        Database database;
        try {
            database = new Database(config.database());
        } catch (IllegalStateException e) {
            System.err.println("Cannot open the register: " + e.getMessage());
            System.err.println("An embedded H2 register is open in one process only. While the gateway runs, read "
                    + "http://127.0.0.1:" + config.httpPort() + "/q/quarantine (and /q/quarantine/<id> for a raw mail).");
            return 1;
        }
        try (database) {
            ComplaintRegister register = new ComplaintRegister(database, new RawMailStore(database));
            List<RegisterEntry> quarantined = register.withOutcome(Outcome.QUARANTINED);
            System.out.println(quarantined.size() + " quarantined mail(s)");
            for (RegisterEntry entry : quarantined) {
                System.out.printf("#%d  %s  inbox=%s  from=%s  subject=%s%n      reason: %s%n", entry.id(),
                        entry.completedAt(), entry.inbox(), entry.sender(), entry.subject(), entry.reason());
                if (export != null) {
                    Path file = export.resolve("quarantined-" + entry.id() + ".eml");
                    Files.write(file, register.rawMail(entry));
                    System.out.println("      raw mail: " + file);
                }
            }
        }
        return 0;
    }
}
