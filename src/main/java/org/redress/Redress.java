package org.redress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.redress.camel.Gateway;
import org.redress.config.ConfigException;
import org.redress.config.RedressConfig;
import org.redress.sandbox.Sandbox;
import org.redress.tools.DeliverCommand;
import org.redress.tools.QuarantineCommand;

/**
 * The command line: {@code java -jar target/redress.jar [mode]}.
 * <ul>
 *   <li>no mode: the sandbox and the gateway in one process (the demo);</li>
 *   <li>{@code sandbox}: only the sandbox (mail server and Jira sandbox), its Jira data kept under the data folder;</li>
 *   <li>{@code gateway}: only the gateway, as configured (by default pointed at the sandbox's addresses);</li>
 *   <li>{@code deliver FILE.eml…}: sends mail files to the sandbox's SMTP port, each to its own To: addresses;</li>
 *   <li>{@code quarantine [--export DIR]}: lists quarantined mail, optionally writing each raw message to DIR.</li>
 * </ul>
 */
public final class Redress {

    private Redress() {
    }

    public static void main(String[] args) throws Exception {
        // Before any file or socket is touched: the JDK copies every heap buffer written to a channel into a direct
        // buffer it keeps per thread, as large as the largest write. H2 writes a large mail's LOB in chunks of tens
        // of MB from each of the lanes, and those kept buffers exhausted the direct memory (= -Xmx) at 256 MB, which
        // H2 answers by closing the database for good. Larger writes get a temporary buffer, freed at once.
        System.getProperties().putIfAbsent("jdk.nio.maxCachedBufferSize", String.valueOf(256 * 1024));
        String mode = args.length == 0 ? "all" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        RedressConfig config;
        try {
            config = RedressConfig.load(Map.of());
        } catch (ConfigException e) {
            System.err.println("Redress cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        switch (mode) {
            case "all" -> run(config, true, true);
            case "sandbox" -> run(config, true, false);
            case "gateway" -> run(config, false, true);
            case "deliver" -> System.exit(new DeliverCommand(config.sandbox()).run(rest));
            case "quarantine" -> System.exit(new QuarantineCommand(config).run(rest));
            default -> {
                System.err.println("Unknown mode '" + mode + "'. Use: (none) | sandbox | gateway | deliver FILE.eml… | quarantine [--export DIR]");
                System.exit(2);
            }
        }
    }

    private static void run(RedressConfig config, boolean withSandbox, boolean withGateway) throws Exception {
        Sandbox sandbox = null;
        Gateway gateway = null;
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            if (withSandbox) {
                Path jiraData = withGateway ? null : config.dataDir().resolve("jira-sandbox");
                if (jiraData != null) {
                    Files.createDirectories(jiraData);
                }
                sandbox = new Sandbox(config.sandbox(), jiraData).start();
                System.out.println(sandbox.describe());
            }
            if (withGateway) {
                gateway = Gateway.start(config, Clock.systemUTC());
                System.out.println("Gateway: polling " + config.inboxes().size() + " inboxes "
                        + config.inboxes().stream().map(i -> i.address()).toList() + ", Jira " + config.jira().url()
                        + ", health http://127.0.0.1:" + config.httpPort() + "/q/health");
            }
            if (withSandbox && withGateway) {
                System.out.println("Try it: java -jar target/redress.jar deliver docs/demo/*.eml   then open "
                        + sandbox.jira().baseUrl() + "/");
            }
        } catch (RuntimeException e) {
            System.err.println("Redress cannot start: " + e.getMessage());
            if (gateway != null) {
                gateway.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
            System.exit(2);
            return;
        }
        Sandbox runningSandbox = sandbox;
        Gateway runningGateway = gateway;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: letting the mails in flight finish first");
            if (runningGateway != null) {
                runningGateway.close();
            }
            if (runningSandbox != null) {
                runningSandbox.close();
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }, "redress-shutdown"));
        stopped.await();
    }
}
