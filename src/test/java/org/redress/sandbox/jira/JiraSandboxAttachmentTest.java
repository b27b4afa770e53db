package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JiraSandboxAttachmentTest {

    private JiraSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() throws Exception {
        sandbox = new JiraSandbox("127.0.0.1", 0, null, List.of("CS")).maxAttachmentBytes(4096).start();
        http = new SandboxHttp(sandbox);
        http.create("Photo attached");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Every byte value, plus the sequences a sloppy parser trips over: CRLFs, dashes, a fake boundary. */
    private static byte[] nastyBinary(String boundary) {
        byte[] all = new byte[256 + 64];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        byte[] tail = ("\r\n\r\n--" + boundary.substring(0, 10) + "\r\n--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, all, 256, tail.length);
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        return all;
    }

    @Test
    void binaryUploadRoundTripsByteForByte() {
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] content = nastyBinary(multipart.boundary);
        byte[] body = multipart.file("photo.png", "image/png", content).build();

        SandboxHttp.Response response = http.upload("CS-1", body, multipart.boundary, true);

        assertThat(response.status()).isEqualTo(200);
        JsonNode attachment = response.json().get(0);
        String id = attachment.path("id").asText();
        assertThat(attachment.path("filename").asText()).isEqualTo("photo.png");
        assertThat(attachment.path("size").asLong()).isEqualTo(content.length);
        assertThat(attachment.path("mimeType").asText()).isEqualTo("image/png");
        assertThat(attachment.path("content").asText()).isEqualTo(sandbox.baseUrl() + "/rest/api/3/attachment/content/" + id);
        assertThat(sandbox.attachmentContent(id)).isEqualTo(content);

        var download = http.send("GET", "/rest/api/3/attachment/content/" + id, null, null, "Authorization", SandboxHttp.BASIC);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("content-type")).hasValue("image/png");

        JsonNode onIssue = sandbox.issue("CS-1").path("fields").path("attachment").get(0);
        assertThat(onIssue.path("id").asText()).isEqualTo(id);
    }

    @Test
    void severalFilesInOneRequestAndUtf8FilenamesAreKept() {
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] body = multipart
                .file("facture.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .part("file", "; filename=\"fallback.txt\"; filename*=UTF-8''re%C3%A7u%20%E2%82%AC.txt", null, "x".getBytes())
                .part("comment", "", null, "ignored form field".getBytes())
                .build();

        JsonNode attachments = http.upload("CS-1", body, multipart.boundary, true).json();

        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).path("filename").asText()).isEqualTo("facture.pdf");
        assertThat(attachments.get(1).path("filename").asText()).isEqualTo("reçu €.txt");
        assertThat(attachments.get(1).path("mimeType").asText()).isEqualTo("text/plain");
        assertThat(sandbox.issue("CS-1").path("fields").path("attachment")).hasSize(2);
    }

    @Test
    void attachmentUploadWithoutXsrfHeaderIsForbidden() {
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] body = multipart.file("a.txt", "text/plain", "a".getBytes()).build();

        SandboxHttp.Response response = http.upload("CS-1", body, multipart.boundary, false);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("errorMessages").get(0).asText()).isEqualTo("XSRF check failed");
        assertThat(sandbox.issue("CS-1").path("fields").path("attachment")).isEmpty();
    }

    @Test
    void withAttachmentsSwitchedOffEveryUploadIs403AndTheSettingsSaySo() {
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] body = multipart.file("a.txt", "text/plain", "a".getBytes()).build();
        assertThat(http.get("/rest/api/3/attachment/meta").json().path("enabled").asBoolean()).isTrue();

        sandbox.attachmentsEnabled(false);
        SandboxHttp.Response response = http.upload("CS-1", body, multipart.boundary, true);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("errorMessages").get(0).asText()).contains("disabled");
        assertThat(sandbox.issue("CS-1").path("fields").path("attachment")).isEmpty();
        JsonNode settings = http.get("/rest/api/3/attachment/meta").json();
        assertThat(settings.path("enabled").asBoolean()).isFalse();
        assertThat(settings.path("uploadLimit").asLong()).isEqualTo(4096);
        assertThat(http.get("/rest/api/3/mypermissions?issueKey=CS-1&permissions=CREATE_ATTACHMENTS").json()
                .path("permissions").path("CREATE_ATTACHMENTS").path("havePermission").asBoolean())
                .as("the permission is the project's; the switch is the site's").isTrue();
        sandbox.attachmentsEnabled(true);
        assertThat(http.upload("CS-1", body, multipart.boundary, true).status()).isEqualTo(200);
    }

    @Test
    void withoutTheCreateAttachmentsPermissionEveryUploadIs403AndMyPermissionsSaysSo() {
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] body = multipart.file("a.txt", "text/plain", "a".getBytes()).build();

        sandbox.createAttachmentsPermission(false);
        SandboxHttp.Response response = http.upload("CS-1", body, multipart.boundary, true);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("errorMessages").get(0).asText()).contains("permission to create attachments");
        assertThat(sandbox.issue("CS-1").path("fields").path("attachment")).isEmpty();
        JsonNode permissions = http.get("/rest/api/3/mypermissions?issueKey=CS-1&permissions=CREATE_ATTACHMENTS,"
                + "ADD_COMMENTS").json().path("permissions");
        assertThat(permissions.path("CREATE_ATTACHMENTS").path("havePermission").asBoolean()).isFalse();
        assertThat(permissions.path("CREATE_ATTACHMENTS").path("id").asText()).isEqualTo("19");
        assertThat(permissions.path("ADD_COMMENTS").path("havePermission").asBoolean()).isTrue();
        assertThat(http.get("/rest/api/3/attachment/meta").json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void myPermissionsNeedsKnownKeysAndAnExistingProjectOrIssue() {
        assertThat(http.get("/rest/api/3/mypermissions?projectKey=CS").status()).isEqualTo(400);
        SandboxHttp.Response unknown = http.get("/rest/api/3/mypermissions?projectKey=CS&permissions=FLY");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errorMessages").get(0).asText()).contains("FLY");
        assertThat(http.get("/rest/api/3/mypermissions?projectKey=XX&permissions=CREATE_ISSUES").status())
                .isEqualTo(404);
        assertThat(http.get("/rest/api/3/mypermissions?issueKey=CS-77&permissions=CREATE_ISSUES").status())
                .isEqualTo(404);
        assertThat(http.get("/rest/api/3/mypermissions?permissions=CREATE_ISSUES").json().path("permissions")
                .path("CREATE_ISSUES").path("havePermission").asBoolean()).isTrue();
    }

    @Test
    void fileOverTheConfiguredLimitIs413() {
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] body = multipart.file("exact.bin", null, new byte[4096]).file("big.bin", null, new byte[4097]).build();

        SandboxHttp.Response response = http.upload("CS-1", body, multipart.boundary, true);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("errorMessages").get(0).asText()).contains("big.bin").contains("4096");
        assertThat(sandbox.issue("CS-1").path("fields").path("attachment")).isEmpty();
    }

    @Test
    void moreThanSixtyFilesInOneRequestIs413AndNoneIsKept() {
        SandboxHttp.Multipart sixty = new SandboxHttp.Multipart();
        SandboxHttp.Multipart sixtyOne = new SandboxHttp.Multipart();
        for (int i = 0; i < 61; i++) {
            if (i < 60) {
                sixty.file("photo" + i + ".png", "image/png", new byte[] {(byte) i});
            }
            sixtyOne.file("photo" + i + ".png", "image/png", new byte[] {(byte) i});
        }

        SandboxHttp.Response refused = http.upload("CS-1", sixtyOne.build(), sixtyOne.boundary, true);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().path("errorMessages").get(0).asText()).contains("60").contains("61");
        assertThat(sandbox.issue("CS-1").path("fields").path("attachment")).isEmpty();
        assertThat(http.upload("CS-1", sixty.build(), sixty.boundary, true).status()).isEqualTo(200);
        assertThat(sandbox.issue("CS-1").path("fields").path("attachment")).hasSize(60);
    }

    @Test
    void defaultLimitIs25MiB() throws Exception {
        try (JiraSandbox other = SandboxHttp.started(null, Clock.systemUTC(), "CS")) {
            SandboxHttp otherHttp = new SandboxHttp(other);
            otherHttp.create("Big");
            SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
            byte[] body = multipart.file("big.bin", null, new byte[25 * 1024 * 1024 + 1]).build();
            assertThat(otherHttp.upload("CS-1", body, multipart.boundary, true).status()).isEqualTo(413);
        }
        assertThat(JiraSandbox.DEFAULT_MAX_ATTACHMENT_BYTES).isEqualTo(25L * 1024 * 1024);
    }

    @Test
    void uploadWithoutFilePartOrNotMultipartIsRejected() {
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] body = multipart.part("attachment", "; filename=\"a.txt\"", null, "a".getBytes()).build();
        assertThat(http.upload("CS-1", body, multipart.boundary, true).status()).isEqualTo(400);

        var notMultipart = http.send("POST", "/rest/api/3/issue/CS-1/attachments", "application/json", "{}".getBytes(),
                "Authorization", SandboxHttp.BASIC, "X-Atlassian-Token", "no-check");
        assertThat(notMultipart.statusCode()).isEqualTo(415);

        byte[] truncated = ("--" + multipart.boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc")
                .getBytes(StandardCharsets.UTF_8);
        SandboxHttp.Response malformed = http.upload("CS-1", truncated, multipart.boundary, true);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errorMessages").get(0).asText()).contains("Malformed multipart");
    }

    @Test
    void uploadToMissingIssueIs404() {
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] body = multipart.file("a.txt", "text/plain", "a".getBytes()).build();
        assertThat(http.upload("CS-77", body, multipart.boundary, true).status()).isEqualTo(404);
    }

    @Test
    void attachmentMetadataAndBrowserDownloadAreServedSafely() {
        SandboxHttp.Multipart multipart = new SandboxHttp.Multipart();
        byte[] html = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] body = multipart.file("evil.html", "text/html", html).build();
        String id = http.upload("CS-1", body, multipart.boundary, true).json().get(0).path("id").asText();

        JsonNode metadata = http.get("/rest/api/3/attachment/" + id).json();
        assertThat(metadata.path("id").asLong()).isEqualTo(Long.parseLong(id));
        assertThat(metadata.path("filename").asText()).isEqualTo("evil.html");
        assertThat(metadata.path("size").asLong()).isEqualTo(html.length);

        var download = http.send("GET", "/secure/attachment/" + id + "/evil.html", null, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(html);
        assertThat(download.headers().firstValue("content-disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(download.headers().firstValue("content-security-policy")).hasValueSatisfying(v -> assertThat(v).contains("sandbox"));
        assertThat(download.headers().firstValue("x-content-type-options")).hasValue("nosniff");

        assertThat(http.get("/rest/api/3/attachment/999999").status()).isEqualTo(404);
    }
}
