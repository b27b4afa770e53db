package org.redress.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.testing.HostileFiles;
import org.redress.testing.SeparateProcesses;
import org.redress.tools.MailDelivery;

/**
 * Mail built to hurt, delivered to a gateway in its own JVM with a small heap: archive bombs, a Word document that
 * inflates to 200 MB, entity expansion, a file over the attachment limit, a mail over the message limit, broken and
 * header-injecting mail. Every one is recorded and ends (ticketed, ignored or quarantined), the gateway stays up
 * within its heap, and a plain complaint sent after them is answered as quickly as ever.
 */
class HostileMailTest {
    private static final String INBOX = "complaints@lumiere.example";
    private static final String HEAP = "512m";

    @TempDir
    Path tempDir;

    @Test
    void hostileAndOversizedMailIsAllRecordedWhileTheHeapStaysBoundedAndThePollerKeepsGoing() throws Exception {
        Map<String, byte[]> mails = hostileMails();
        Path gcLog = tempDir.resolve("gc.log");
        try (SeparateProcesses run = new SeparateProcesses(tempDir.resolve("data"), Map.of())) {
            run.start("sandbox", "hostile-sandbox.log", List.of("-Xmx1g"));
            Process gateway = run.start("gateway", "hostile-gateway.log",
                    List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog,
                            // every round of the inbox reader in the log: the plain complaint was twice not picked up
                            // in CI, with the reader polling and every lane idle
                            "-Dlog.imap.level=DEBUG"));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> run.issueCount() == 0
                    && run.api("/api/complaints").path("complaints").isArray());
            long started = System.nanoTime();
            for (byte[] mail : mails.values()) {
                MailDelivery.deliver("127.0.0.1", run.smtpPort(), mail, List.of(INBOX));
            }
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> finished(run) == mails.size());
            double allDone = (System.nanoTime() - started) / 1e9;

            // the poller is not stalled: a plain complaint is answered promptly
            long plainSent = System.nanoTime();
            MailDelivery.deliver("127.0.0.1", run.smtpPort(), plain("nadia.ferrand@example.org",
                    "Lampe cassée", "Bonjour, la lampe est arrivée cassée. Merci de me rembourser. Nadia"), List.of(INBOX));
            // more than the IMAP read timeout (60 s) and a reconnect. In three CI runs on 2026-12-04 this mail was not
            // picked up (within 60 s once, 100 s twice; the reader polling, every lane idle). The reader then spun
            // behind the 43 MB mail (fixed since, and not seen again), but the cause is not proven: a failure leaves
            // the evidence below
            try {
                await().atMost(Duration.ofSeconds(100)).ignoreExceptions()
                        .until(() -> run.messageIds("nadia.ferrand@example.org").size() == 1);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                SeparateProcesses.threadDump(gateway, "hostile-gateway-threads.txt");
                try {
                    System.out.println("plain complaint not picked up; in " + INBOX + ": " + run.messageIds(INBOX)
                            + "; gateway metrics: " + new String(run.apiBytes("/q/metrics"), StandardCharsets.UTF_8)
                            .lines().filter(l -> l.startsWith("redress_inbox")).toList());
                } catch (Exception diagnosis) {
                    System.out.println("plain complaint not picked up; no more to say: " + diagnosis);
                }
                throw e;
            }
            double plainSeconds = (System.nanoTime() - plainSent) / 1e9;

            assertThat(gateway.isAlive()).as("the gateway survived within -Xmx" + HEAP).isTrue();
            JsonNode register = run.api("/api/complaints?limit=500").path("complaints");
            assertThat(register.size()).as("every mail recorded").isEqualTo(mails.size() + 1);
            Map<String, String> outcomes = new LinkedHashMap<>();
            register.forEach(c -> outcomes.put(c.path("subject").asText().substring(0,
                    Math.min(30, c.path("subject").asText().length())), c.path("outcome").asText()));

            JsonNode oversized = issueWithSummary(run, "Video of the delivery");
            assertThat(description(oversized)).contains("redress.intake.max-message-size", "Oversized");
            assertThat(run.messageIds(INBOX, "Oversized")).as("the whole oversized mail kept on the server").hasSize(1);
            JsonNode withheld = issueWithSummary(run, "Photos of the damage");
            assertThat(description(withheld)).contains("damage-photo.jpg", "not attached",
                    "redress.intake.max-attachment-size");
            assertThat(withheld.path("fields").path("attachment")).noneMatch(a -> a.path("filename").asText()
                    .equals("damage-photo.jpg"));
            long rawBytes = rawMailSize(run, "Photos of the damage");
            assertThat(rawBytes).as("the withheld photo is retrievable from the register").isGreaterThan(15L << 20);
            // the subject tried to add a Bcc header to our acknowledgement
            assertThat(run.messageIds("mallory@example.net")).hasSize(1);
            assertThat(run.messageIds("victim@example.com")).isEmpty();

            long peakMb = peakHeapAfterGcMegabytes(gcLog);
            System.out.printf("hostile mail: %d mails (%s) finished in %.1f s; a plain complaint then answered in %.1f s; "
                    + "peak heap after GC %d MB of %s; outcomes %s%n", mails.size(), String.join(", ", mails.keySet()),
                    allDone, plainSeconds, peakMb, HEAP, outcomes);
            assertThat(plainSeconds).isLessThan(30);
        }
    }

    private static Map<String, byte[]> hostileMails() {
        Map<String, byte[]> mails = new LinkedHashMap<>();
        mails.put("zip bomb", withFile("Statement attached", "statement.zip", "application/zip",
                HostileFiles.zipBomb(500)));
        mails.put("gzip bomb", withFile("Logs attached", "app.log.gz", "application/gzip", HostileFiles.gzipBomb(300)));
        mails.put("docx bomb", withFile("Claim form", "claim.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", HostileFiles.docxBomb(200)));
        mails.put("nested zips", withFile("Archive", "nested.zip", "application/zip", HostileFiles.nestedZips(12, 2)));
        mails.put("entity expansion", withFile("Order export", "order.xml", "application/xml",
                HostileFiles.billionLaughs()));
        mails.put("15 MB photo", withFile("Photos of the damage", "damage-photo.jpg", "image/jpeg",
                HostileFiles.noise(15)));
        mails.put("30 MB video", withFile("Video of the delivery", "delivery.mp4", "video/mp4", HostileFiles.noise(30)));
        mails.put("header injection", ("From: Mallory <mallory@example.net>\r\n"
                + "To: " + INBOX + "\r\nSubject: =?UTF-8?Q?Refund=0D=0ABcc:_victim@example.com=0D=0A?=\r\n"
                + "Message-ID: <injection-1@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
                + "My order never arrived. I want my money back.\r\n").getBytes(StandardCharsets.UTF_8));
        // GreenMail cannot build this mail's IMAP envelope: the gateway quarantines it under the server's id for it
        mails.put("From the server cannot parse", ("From: =?UTF-8?Q?Mallory=0D=0ABcc=3A_victim=40example.com?= "
                + "<mallory2@example.net>\r\nTo: " + INBOX + "\r\nSubject: Refund\r\nMessage-ID: <injection-2@example.net>"
                + "\r\n\r\nStill no refund.\r\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder nested = new StringBuilder("From: deep@example.org\r\nTo: " + INBOX
                + "\r\nSubject: Deep\r\nMessage-ID: <deep-1@example.org>\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < 200; i++) {
            nested.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        nested.append("Content-Type: text/plain\r\n\r\nThe parcel is missing.\r\n");
        mails.put("200 nested multiparts", nested.toString().getBytes(StandardCharsets.US_ASCII));
        mails.put("long header", ("From: long@example.org\r\nTo: " + INBOX + "\r\nSubject: " + "x".repeat(200_000)
                + "\r\nMessage-ID: <long-1@example.org>\r\n\r\nThe invoice is wrong.\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        mails.put("broken base64 and NUL bytes", ("From: broken@example.org\r\nTo: " + INBOX + "\r\nSubject: Broken\r\n"
                + "Message-ID: <broken-1@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nTWVyY2kg\u0000\u0000!!!$$$***\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return mails;
    }

    private static byte[] withFile(String subject, String filename, String type, byte[] content) {
        String boundary = "hostile-" + Math.abs(subject.hashCode());
        String mail = "From: Pat Customer <pat." + Math.abs(subject.hashCode()) + "@example.org>\r\nTo: " + INBOX + "\r\n"
                + "Subject: " + subject + "\r\nMessage-ID: <" + boundary + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello, please see the attached file about my order "
                + "4711. It shows the problem.\r\n--" + boundary + "\r\nContent-Type: " + type + "; name=\"" + filename
                + "\"\r\nContent-Disposition: attachment; filename=\"" + filename + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(content)
                + "\r\n--" + boundary + "--\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] plain(String from, String subject, String text) {
        return ("From: " + from + "\r\nTo: " + INBOX + "\r\nSubject: =?UTF-8?Q?" + subject.replace(" ", "_")
                .replace("é", "=C3=A9") + "?=\r\nMessage-ID: <plain-after-hostile@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int finished(SeparateProcesses run) throws Exception {
        int done = 0;
        for (JsonNode complaint : run.api("/api/complaints?limit=500").path("complaints")) {
            if (!"received".equals(complaint.path("outcome").asText())) {
                done++;
            }
        }
        return done;
    }

    private static JsonNode issueWithSummary(SeparateProcesses run, String summary) throws Exception {
        return run.issues("summary", "description", "attachment").stream().filter(i -> i.path("fields").path("summary").asText().equals(summary)).findFirst()
                .orElseThrow(() -> new AssertionError("no issue '" + summary + "'"));
    }

    private static String description(JsonNode issue) {
        List<String> texts = new ArrayList<>();
        issue.path("fields").path("description").findValues("text").forEach(t -> texts.add(t.asText()));
        return String.join(" ", texts);
    }

    private static long rawMailSize(SeparateProcesses run, String subject) throws Exception {
        for (JsonNode complaint : run.api("/api/complaints?limit=500").path("complaints")) {
            if (complaint.path("subject").asText().equals(subject)) {
                return run.apiBytes("/api/complaints/" + complaint.path("id").asLong() + "/raw").length;
            }
        }
        throw new AssertionError("no complaint '" + subject + "'");
    }

    /** The largest heap occupancy after a collection in a unified GC log ("... 120M->40M(192M) ..."). */
    private static long peakHeapAfterGcMegabytes(Path gcLog) throws Exception {
        Matcher after = Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long peak = 0;
        while (after.find()) {
            peak = Math.max(peak, Long.parseLong(after.group(1)));
        }
        return peak;
    }
}
