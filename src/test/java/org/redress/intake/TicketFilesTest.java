package org.redress.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.jira.JiraApi;
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
        JiraApi jira = forbidding(true, true);
        RefusedFiles refused = new RefusedFiles();

        assertThatThrownBy(() -> TicketFiles.attach(jira, "CS-1", List.of(upload("original-message-7.eml", 300)),
                refused)).isInstanceOf(JiraUnavailableException.class);
        assertThat(refused.isEmpty()).isTrue();
    }

    @Test
    void a403FromAJiraThatTakesNoFilesThereSaysWhy() {
        List<Upload> request = List.of(upload("original-message-7.eml", 300));

        assertThat(TicketFiles.attach(forbidding(false, true), "CS-1", request, new RefusedFiles()))
                .hasValueSatisfying(why -> assertThat(why).contains("attachments are switched off"));
        assertThat(TicketFiles.attach(forbidding(true, false), "CARE_2-41", request, new RefusedFiles()))
                .hasValueSatisfying(why -> assertThat(why).contains("Create Attachments permission in project CARE_2"));
    }

    /** A Jira that answers every upload 403, with these settings for files. */
    private static JiraApi forbidding(boolean enabled, boolean permitted) {
        return (JiraApi) Proxy.newProxyInstance(JiraApi.class.getClassLoader(), new Class<?>[] {JiraApi.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "attach" -> throw new JiraUnavailableException(403, "POST attachments: Jira answered 403", null);
                    case "attachmentSettings" -> JSON.createObjectNode().put("enabled", enabled).put("uploadLimit", 1000);
                    case "myPermissions" -> {
                        ObjectNode answer = JSON.createObjectNode();
                        answer.putObject("permissions").putObject("CREATE_ATTACHMENTS").put("havePermission", permitted);
                        yield answer;
                    }
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
