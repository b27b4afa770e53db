package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.CustomerMail;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;
import org.slf4j.LoggerFactory;

/**
 * Secrets (Jira token, mailbox passwords, the satisfaction key) never reach a log line, an error, the register or a
 * ticket — also when things fail: a Jira outage is part of the run.
 */
class SecretsTest {
    private static final String JIRA_TOKEN = "jira-token-Zq81xv";
    private static final String MAILBOX_PASSWORD = "mailbox-pass-Zq81xv";
    private static final String SATISFACTION_SECRET = "satisfaction-key-Zq81xv";
    private static final List<String> SECRETS = List.of(JIRA_TOKEN, MAILBOX_PASSWORD, SATISFACTION_SECRET);

    @TempDir
    Path tempDir;

    @Test
    void secretsAppearInNoLogLineErrorRegisterRowOrTicketEvenWhenThingsFail() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, Map.of(
                "redress.jira.token", JIRA_TOKEN,
                "redress.satisfaction.secret", SATISFACTION_SECRET,
                "redress.inbox.complaints.password", MAILBOX_PASSWORD,
                "redress.inbox.reclami.password", MAILBOX_PASSWORD,
                "redress.inbox.reclamations.password", MAILBOX_PASSWORD))) {
            stack.deliver(CustomerMail.mail("olga.petrova@example.org", TestStack.COMPLAINTS, "Wrong size delivered",
                    "Hello, I ordered size M and received size XL. Please exchange it. Olga", null));
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("olga.petrova@example.org").size() == 1);

            stack.sandbox().jira().outage("/rest/api/3");
            stack.deliver(CustomerMail.mail("olga.petrova@example.org", TestStack.COMPLAINTS, "Also: invoice wrong",
                    "The invoice shows the wrong address, it should be Hauptstrasse 4. Olga", null));
            Thread.sleep(3_000);
            stack.sandbox().jira().endOutages();
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.mailbox("olga.petrova@example.org").size() == 2);
            String tickets = stack.issueKeys().stream().map(k -> stack.sandbox().jira().issue(k).toString())
                    .reduce("", String::concat);
            stack.stopGateway();

            StringBuilder logged = new StringBuilder();
            for (ILoggingEvent event : logs.list) {
                logged.append(event.getFormattedMessage()).append('\n');
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    logged.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                }
            }
            String register = dump(tempDir.resolve("db"));
            assertThat(logs.list).as("the run logged something").isNotEmpty();
            assertThat(register).as("the register was read").contains("olga.petrova@example.org");
            for (String secret : SECRETS) {
                assertThat(logged.toString()).as("logs").doesNotContain(secret);
                assertThat(register).as("register").doesNotContain(secret);
                assertThat(tickets).as("tickets").doesNotContain(secret);
            }
            System.out.printf("secrets: %d log lines, %d characters of register and %d of tickets searched, none found%n",
                    logs.list.size(), register.length(), tickets.length());
        } finally {
            root.detachAppender(logs);
        }
    }

    /** Every row of every table of the register, as H2's SCRIPT writes it. */
    private static String dump(Path h2File) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + h2File.toAbsolutePath(), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SCRIPT")) {
            while (rows.next()) {
                all.append(rows.getString(1)).append('\n');
            }
        }
        return all.toString();
    }
}
