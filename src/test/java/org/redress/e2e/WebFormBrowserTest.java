package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.acknowledgement.PlainText;
import org.redress.testing.TestDatabase;
import org.redress.testing.TestStack;
import org.redress.testing.WebClient;

/**
 * The web complaint form as a customer uses it: in a real headless Chromium (Debian's chromium and chromedriver),
 * typed into and submitted with a PDF, against the whole gateway.
 */
class WebFormBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tempDir;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI requires Debian's chromium and chromium-driver (/usr/bin/chromium, "
                    + "/usr/bin/chromedriver): apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "skipped: no headless browser here (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tempDir.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void complaintPostedThroughTheFormWithAPdfBecomesAnIssueAndIsAcknowledgedByMailInTheFormsLanguage() throws Exception {
        formWithAPdfBecomesATicketAndAnAcknowledgement(Map.of(), "/rest/api/3");
    }

    @Test
    void theSameWithJiraDataCenterRestV2WikiMarkupAndAPersonalAccessToken() throws Exception {
        formWithAPdfBecomesATicketAndAnAcknowledgement(Map.of("redress.jira.flavour", "datacenter",
                "redress.jira.auth", "bearer", "redress.jira.token", "dc-personal-access-token"), "/rest/api/2");
    }

    private void formWithAPdfBecomesATicketAndAnAcknowledgement(Map<String, String> jira, String api) throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, jira)) {
            Path pdf = tempDir.resolve("Rechnung-LM-2026-0081.pdf");
            Files.write(pdf, WebClient.pdf("Rechnung LM-2026-0081: Waschmaschine WX-400, 649 EUR"));
            browser.get("http://127.0.0.1:" + stack.config().httpPort() + "/complaints/new?lang=de");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
            assertThat(browser.getTitle()).isEqualTo("Beschwerde einreichen");

            browser.findElement(By.id("name")).sendKeys("Jonas Becker");
            browser.findElement(By.id("email")).sendKeys("jonas.browser@example.org");
            browser.findElement(By.id("subject")).sendKeys("Waschmaschine doppelt berechnet");
            browser.findElement(By.id("message")).sendKeys("Guten Tag, die Waschmaschine WX-400 wurde mir zweimal "
                    + "berechnet (Rechnung LM-2026-0081). Bitte erstatten Sie den doppelten Betrag.");
            browser.findElement(By.id("file1")).sendKeys(pdf.toString());
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("complaint-number")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Vielen Dank");
            String number = browser.findElement(By.id("complaint-number")).getText();
            assertThat(number).matches("#\\d+");

            await().atMost(Duration.ofSeconds(30)).until(() -> stack.mailbox("jonas.browser@example.org").size() == 1);
            assertThat(stack.issueKeys()).hasSize(1);
            String key = stack.issueKeys().get(0);
            JsonNode issue = stack.jira(api + "/issue/" + key);
            assertThat(issue.path("fields").path("attachment").findValuesAsText("filename"))
                    .contains("Rechnung-LM-2026-0081.pdf");
            assertThat(issue.path("fields").path("summary").asText()).contains("Waschmaschine doppelt berechnet");
            assertThat(stack.jiraRequests()).as("every call to " + api).allMatch(r -> r.path().startsWith(api)
                    || !r.path().startsWith("/rest/api/"));
            var ack = stack.mailbox("jonas.browser@example.org").get(0);
            assertThat(ack.getSubject()).contains(key);
            assertThat(PlainText.of(ack)).as("acknowledged in the form's language").contains("vielen Dank für Ihre Nachricht")
                    .contains("Jonas Becker");
            assertThat(stack.api("/api/complaints/" + number.substring(1)).toString()).contains(key);
        }
    }

    @Test
    void formWithAnAddressTheGatewayCannotAnswerIsShownAgainWithTheProblemAndCreatesNothing() throws Exception {
        try (TestStack stack = TestStack.start(tempDir, TestDatabase.H2, Map.of())) {
            browser.get("http://127.0.0.1:" + stack.config().httpPort() + "/complaints/new?lang=es");
            browser.findElement(By.id("email")).sendKeys("lucia@localhost");
            browser.findElement(By.id("subject")).sendKeys("Pedido incompleto");
            browser.findElement(By.id("message")).sendKeys("Faltan dos platos en mi pedido.");
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
            assertThat(browser.findElement(By.id("error-summary")).getAttribute("role")).isEqualTo("alert");
            assertThat(browser.findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("lucia@localhost");
            assertThat(browser.findElement(By.id("message")).getAttribute("value")).contains("Faltan dos platos");
            assertThat(browser.findElement(By.id("email-error")).getText()).contains("Revise este dato");
            Thread.sleep(500);
            assertThat(stack.gateway().register().all()).isEmpty();
            assertThat(stack.issueKeys()).isEmpty();
            assertThat(new File(tempDir.toFile(), "file-uploads")).as("no upload left behind in the working dir")
                    .doesNotExist();
        }
    }
}
