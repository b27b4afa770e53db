package org.redress.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.jira.JiraApi;
import org.redress.jira.JiraRejectedException;
import org.redress.jira.JiraUnavailableException;
import org.redress.jira.Upload;

/** What a retried attempt uploads, from what the ticket already holds; what a 403 on an upload means. */
class TicketFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ID = 7;

    @Test
    void replyCarryingAFileTheTicketGotBeforeItsOwnEmlUploadsItAgain() {
        JiraApi ticket = holding(file("image001.png", 10, "2026-12-05T10:00:00.000+0000"),
                file("reply-7.eml", 300, "2026-12-05T10:05:00.000+0000"));

        List<Upload> missing = TicketFiles.notYetOn(ticket, "CS-1", List.of(upload("reply-7.eml", 300),
                upload("image001.png", 10)), ID);

        assertThat(missing).extracting(Upload::filename).containsExactly("image001.png");
    }

    @Test
    void retryUploadsOnlyWhatTheTicketDidNotGetAfterTheMailsOwnEml() {
        JiraApi ticket = holding(file("reply-7.eml", 300, "2026-12-05T10:05:00.000+0000"),
                file("invoice.pdf", 50, "2026-12-05T10:05:00.200+0000"));

        List<Upload> missing = TicketFiles.notYetOn(ticket, "CS-1", List.of(upload("reply-7.eml", 300),
                upload("invoice.pdf", 50), upload("photo.png", 20)), ID);

        assertThat(missing).extracting(Upload::filename).containsExactly("photo.png");
    }

    @Test
    void withoutTheMailsOwnEmlOnTheTicketEveryFileGoes() {
        JiraApi ticket = holding(file("image001.png", 10, "2026-12-05T10:00:00.000+0000"));

        List<Upload> missing = TicketFiles.notYetOn(ticket, "CS-1", List.of(upload("reply-7.eml", 300),
                upload("image001.png", 10)), ID);

        assertThat(missing).extracting(Upload::filename).containsExactly("reply-7.eml", "image001.png");
    }

    @Test
    void theSameFileTwiceInOneMailIsOneUploadForEachCopyTheTicketLacks() {
        JiraApi ticket = holding(file("original-message-7.eml", 300, "2026-12-05T10:05:00.000+0000"),
                file("scan.pdf", 50, "2026-12-05T10:05:01.000+0000"));

        List<Upload> missing = TicketFiles.notYetOn(ticket, "CS-1", List.of(upload("original-message-7.eml", 300),
                upload("scan.pdf", 50), upload("scan.pdf", 50)), ID);

        assertThat(missing).extracting(Upload::filename).containsExactly("scan.pdf");
    }

    @Test
    void aMailsFilesGoUpTogetherAndOneLargerThanARequestHoldsGoesAlone() {
        List<Upload> uploads = List.of(upload("original-message-7.eml", 300), upload("invoice.pdf", 200),
                upload("scan.pdf", 2_000), upload("photo.png", 100), upload("letter.docx", 100));

        List<List<Upload>> requests = TicketFiles.requests(uploads, 1_000);

        assertThat(requests).extracting(r -> r.stream().map(Upload::filename).toList()).containsExactly(
                List.of("original-message-7.eml", "invoice.pdf"), List.of("scan.pdf"),
                List.of("photo.png", "letter.docx"));
        assertThat(TicketFiles.requests(List.of(), 1_000)).isEmpty();
    }

    @Test
    void noRequestCarriesMoreFilesThanJiraTakesAtOnce() {
        List<Upload> uploads = new java.util.ArrayList<>();
        for (int i = 0; i < 61; i++) {
            uploads.add(upload("image" + i + ".png", 10));
        }

        List<List<Upload>> requests = TicketFiles.requests(uploads, 1_000_000);

        assertThat(requests).extracting(List::size).containsExactly(60, 1);
    }

    @Test
    void a403FromAJiraWhoseSettingsLetTheGatewayAttachIsTriedAgainNotTakenAsARefusal() {
        RefusedFiles refused = new RefusedFiles();

        assertThatThrownBy(() -> TicketFiles.uploadAll(jira(true, true, files -> FORBIDDEN), "CS-1",
                List.of(upload("original-message-7.eml", 300)), 1_000, refused))
                .isInstanceOfSatisfying(JiraUnavailableException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("holds Create Attachments on CS-1: taken as Jira not letting the gateway in");
        assertThat(refused.isEmpty()).isTrue();
    }

    @Test
    void a403WhoseLookUpFailsIsTriedAgainNotCountedAgainstTheMail() {
        JiraApi refusing = fake(files -> FORBIDDEN, () -> JSON.createObjectNode().put("enabled", true), () -> {
            throw new JiraRejectedException(404, "GET /rest/api/3/mypermissions: Issue does not exist");
        });
        JiraApi down = fake(files -> FORBIDDEN, () -> {
            throw new JiraUnavailableException(503, "GET /rest/api/3/attachment/meta: Jira answered 503", null);
        }, () -> JSON.createObjectNode());

        for (JiraApi jira : List.of(refusing, down)) {
            assertThatThrownBy(() -> TicketFiles.uploadAll(jira, "CS-1", List.of(upload("original-message-7.eml",
                    300)), 1_000, new RefusedFiles())).isInstanceOf(JiraUnavailableException.class)
                    .matches(TransientFailure::is, "not counted towards quarantine");
        }
    }

    @Test
    void aJiraThatTakesNoFilesHasTheRestRefusedAndKeepsWhatWentUpBefore() {
        List<List<String>> sent = new ArrayList<>();
        JiraApi jira = jira(false, true, files -> {
            sent.add(files.stream().map(Upload::filename).toList());
            return sent.size() == 1 ? null : FORBIDDEN;
        });
        RefusedFiles refused = new RefusedFiles();

        TicketFiles.uploadAll(jira, "CS-1", List.of(upload("original-message-7.eml", 600), upload("scan.pdf", 600),
                upload("photo.png", 100)), 1_000, refused);

        assertThat(sent).containsExactly(List.of("original-message-7.eml"), List.of("scan.pdf", "photo.png"));
        assertThat(refused.note(7)).isEqualTo("Jira refused 2 files of mail #7, so they are not on this ticket: "
                + "scan.pdf (600 B), photo.png (100 B): Jira takes no files on this ticket (403): attachments are "
                + "switched off in Jira (Jira settings, System, Attachments). They are in the original mail, kept in "
                + "the register (/api/complaints/7/raw).");
    }

    @Test
    void aFileTriedAloneThatMeetsA403EndsTheTriesAndTheRestIsRefusedWithIt() {
        List<List<String>> sent = new ArrayList<>();
        JiraApi jira = jira(true, false, files -> {
            sent.add(files.stream().map(Upload::filename).toList());
            return switch (sent.size()) {
                case 1 -> new JiraRejectedException(413, "the request is too large");
                case 2 -> null;
                default -> FORBIDDEN;
            };
        });
        RefusedFiles refused = new RefusedFiles();

        TicketFiles.uploadAll(jira, "CARE_2-41", List.of(upload("original-message-7.eml", 300),
                upload("scan.pdf", 300), upload("photo.png", 300), upload("letter.docx", 900)), 1_000, refused);

        assertThat(sent).as("together, then alone until the 403; nothing after it").containsExactly(
                List.of("original-message-7.eml", "scan.pdf", "photo.png"), List.of("original-message-7.eml"),
                List.of("scan.pdf"));
        assertThat(refused.note(7)).contains("Jira refused 3 files of mail #7", "scan.pdf (300 B), photo.png (300 B), "
                + "letter.docx (900 B): Jira takes no files on this ticket (403): the gateway's Jira account lacks the "
                + "Create Attachments permission in project CARE_2");
    }

    private static final JiraUnavailableException FORBIDDEN =
            new JiraUnavailableException(403, "POST attachments: Jira answered 403", null);

    /** A Jira answering uploads as {@code attach} says (an exception to throw, or null), with these file settings. */
    private static JiraApi jira(boolean enabled, boolean permitted,
                                java.util.function.Function<List<Upload>, RuntimeException> attach) {
        return fake(attach, () -> JSON.createObjectNode().put("enabled", enabled).put("uploadLimit", 1000), () -> {
            ObjectNode answer = JSON.createObjectNode();
            answer.putObject("permissions").putObject("CREATE_ATTACHMENTS").put("havePermission", permitted);
            return answer;
        });
    }

    @SuppressWarnings("unchecked")
    private static JiraApi fake(java.util.function.Function<List<Upload>, RuntimeException> attach,
                                java.util.function.Supplier<ObjectNode> settings,
                                java.util.function.Supplier<ObjectNode> permissions) {
        return (JiraApi) Proxy.newProxyInstance(JiraApi.class.getClassLoader(), new Class<?>[] {JiraApi.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "attach" -> {
                        RuntimeException answer = attach.apply((List<Upload>) args[1]);
                        if (answer != null) {
                            throw answer;
                        }
                        yield null;
                    }
                    case "attachmentSettings" -> settings.get();
                    case "myPermissions" -> permissions.get();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Upload upload(String name, int size) {
        return new Upload(name, "application/octet-stream", "x".repeat(size).getBytes(StandardCharsets.US_ASCII));
    }

    private static ObjectNode file(String name, long size, String created) {
        return JSON.createObjectNode().put("filename", name).put("size", size).put("created", created);
    }

    /** A Jira that answers the ticket's attachments and nothing else. */
    private static JiraApi holding(ObjectNode... files) {
        ObjectNode issue = JSON.createObjectNode();
        ArrayNode attachments = issue.putObject("fields").putArray("attachment");
        for (ObjectNode f : files) {
            attachments.add(f);
        }
        return (JiraApi) Proxy.newProxyInstance(JiraApi.class.getClassLoader(), new Class<?>[] {JiraApi.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("issue") && List.of("attachment").equals(args[1])) {
                        return issue;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
