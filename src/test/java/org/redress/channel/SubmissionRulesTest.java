package org.redress.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.complaint.Party;

class SubmissionRulesTest {
    private final SubmissionRules rules = new SubmissionRules(Set.of("en", "fr"), Set.of("complaints"),
            Set.of("application/pdf", "text/plain"), 2, 100, 150,
            (name, bytes) -> name.endsWith(".pdf") ? "application/pdf" : "application/x-dosexec",
            channel -> channel.equals("email") || channel.equals("folder"));

    @Test
    void aWellFormedSubmissionPasses() {
        rules.check(submission("folder", "ref-1", "anna@example.org", List.of(file("a.pdf", 50))));
    }

    @Test
    void filesOnlyTooLargeAnswer413AndNameTheFile() {
        InvalidSubmission refused = catchThrowableOfType(InvalidSubmission.class, () -> rules.check(submission("folder",
                "ref-1", "anna@example.org", List.of(file("big.pdf", 101), file("b.pdf", 60)))));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.getMessage()).contains("big.pdf").contains("files: the files add up to");
    }

    @Test
    void everyProblemIsListedAtOnceWithItsField() {
        InvalidSubmission refused = catchThrowableOfType(InvalidSubmission.class, () -> rules.check(new Submission(
                "Web Form", "has space", "elsewhere", new Party("anna@localhost", null), " ", "", "pt", "fax",
                List.of(file("x.exe", 10), file("y.pdf", 10), file("z.pdf", 10)))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problems()).extracting(SubmissionProblem::field).containsExactly("channel", "reference",
                "inbox", "customer.email", "subject", "text", "language", "replyChannel", "files", "files[0]");
    }

    @Test
    void theMailboxesChannelCannotBeHandedOver() {
        assertThatThrownBy(() -> rules.check(submission("email", "r", "anna@example.org", List.of())))
                .hasMessageContaining("'email' is the mailboxes' channel");
    }

    private static Submission submission(String channel, String reference, String email,
                                         List<Submission.SubmittedFile> files) {
        return new Submission(channel, reference, null, new Party(email, "Anna"), "Late parcel", "Still waiting.",
                "en", "email", files);
    }

    private static Submission.SubmittedFile file(String name, int size) {
        return new Submission.SubmittedFile(name, null, new byte[size]);
    }
}
