package org.redress.authenticity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Authentication-Results (RFC 8601) as written by real servers, and which of them the gateway believes. */
class SenderAuthenticityTest {
    private static final String OURS = "mx.lumiere.example";

    private static AuthenticationResults parse(String value) {
        return AuthenticationResults.parse(value).orElseThrow();
    }

    @Test
    void everyMethodsResultIsReadPastCommentsReasonsAndProperties() {
        AuthenticationResults header = parse("mx.google.com;\r\n       dkim=pass header.i=@example.org "
                + "header.s=s1 header.b=\"Ab/cd+e=\";\r\n       spf=pass (google.com: domain of ann@example.org "
                + "designates 192.0.2.1 as permitted sender) smtp.mailfrom=ann@example.org;\r\n"
                + "       dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=example.org");
        assertThat(header.authservId()).isEqualTo("mx.google.com");
        assertThat(header.results()).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("dkim=pass", "spf=pass", "dmarc=fail");
    }

    @Test
    void commentsAnywhereVersionsAndNestedParenthesesDoNotConfuseIt() {
        AuthenticationResults header = parse("(our MX) mx.lumiere.example 1 (version); (first) dkim/1 = pass "
                + "(good (nested) signature) header.d=example.org; dmarc=fail reason=\"a; b\" header.from=example.org");
        assertThat(header.authservId()).isEqualTo("mx.lumiere.example");
        assertThat(header.says("dkim", "pass")).isTrue();
        assertThat(header.says("dmarc", "fail")).isTrue();
        assertThat(header.results()).hasSize(2);
    }

    @Test
    void methodsResultsAndServerIdsAreReadWithoutRegardToCase() {
        AuthenticationResults header = parse("MX.Lumiere.Example; DMARC=Fail header.from=example.org");
        assertThat(header.writtenBy(OURS)).isTrue();
        assertThat(header.says("dmarc", "fail")).isTrue();
    }

    @Test
    void aServerThatCheckedNothingSaysNothing() {
        assertThat(parse("mx.lumiere.example 1; none").results()).isEmpty();
        assertThat(AuthenticationResults.parse("mx.lumiere.example; dmarc=fail (unclosed")).isEmpty();
    }

    @Test
    void dmarcFailureReportedByOurServerMakesTheSenderUnverified() {
        SenderAuthenticity check = new SenderAuthenticity(OURS);
        assertThat(check.check(List.of("mx.lumiere.example; spf=pass smtp.mailfrom=example.org; "
                + "dmarc=fail (p=none) header.from=example.org"))).contains(new UnverifiedSender(OURS));
        assertThat(check.check(List.of("mx.lumiere.example; dmarc=pass header.from=example.org"))).isEmpty();
        assertThat(check.check(List.of("mx.lumiere.example; dmarc=none header.from=example.org")))
                .as("no DMARC policy published: nothing failed").isEmpty();
        assertThat(check.check(List.of())).as("our server wrote nothing").isEmpty();
    }

    @Test
    void aHeaderNamingAnotherServerIsIgnoredWhateverItSays() {
        SenderAuthenticity check = new SenderAuthenticity(OURS);
        assertThat(check.check(List.of("mx.lumiere.example.evil.example; dmarc=fail header.from=example.org")))
                .isEmpty();
        // the sender's forged verdict under ours cannot overrule ours, nor can a forged "pass" hide a failure
        assertThat(check.check(List.of("mx.lumiere.example; dmarc=pass header.from=example.org",
                "evil.example; dmarc=fail header.from=example.org"))).isEmpty();
        assertThat(check.check(List.of("mx.lumiere.example; dmarc=fail header.from=example.org",
                "other.example; dmarc=pass header.from=example.org"))).isPresent();
    }

    @Test
    void onlyTheTopmostOfOurServersHeadersCountsTheOthersCameWithTheMail() {
        SenderAuthenticity check = new SenderAuthenticity(OURS);
        assertThat(check.check(List.of("mx.lumiere.example; dmarc=pass header.from=example.org",
                "mx.lumiere.example; dmarc=fail header.from=example.org"))).isEmpty();
        assertThat(check.check(List.of("relay.example; dmarc=pass", "mx.lumiere.example; dmarc=fail",
                "mx.lumiere.example; dmarc=pass"))).isPresent();
    }

    @Test
    void withNoServerConfiguredNoHeaderIsBelieved() {
        assertThat(new SenderAuthenticity("").check(List.of("mx.lumiere.example; dmarc=fail"))).isEmpty();
        assertThat(new SenderAuthenticity(null).check(List.of("mx.lumiere.example; dmarc=fail"))).isEmpty();
    }
}
