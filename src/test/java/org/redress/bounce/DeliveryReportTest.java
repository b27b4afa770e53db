package org.redress.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.testing.SharedFiles;

/** Delivery reports read from the real bounces of the shared corpus (sisimai, enmime, mikel-mail, nodemailer). */
class DeliveryReportTest {

    private static Optional<DeliveryReport> read(String corpusFile) {
        return DeliveryReport.read(SharedFiles.read(SharedFiles.dir("corpus").resolve(corpusFile)));
    }

    private static DeliveryReport report(String corpusFile) {
        return read(corpusFile).orElseThrow(() -> new AssertionError(corpusFile + " was not read as a delivery report"));
    }

    @Test
    void standardBouncesOfManyServersNameEachFailedRecipientWithItsStatus() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("sisimai/lhost-postfix-01.eml", List.of("r@p351355.pool.example.ne.jp 5.1.1")),
                Map.entry("sisimai/lhost-postfix-02.eml", List.of("filtered@example.co.jp 5.2.1",
                        "userunknown@example.co.jp 5.1.1")),
                Map.entry("sisimai/lhost-sendmail-01.eml", List.of("userunknown@bouncehammer.jp 5.1.1")),
                Map.entry("sisimai/lhost-sendmail-02.eml", List.of("userunknown@example.org 5.1.1",
                        "filtered@example.com 5.2.1")),
                Map.entry("sisimai/lhost-outlook-01.eml", List.of("kijitora@example.jp 5.2.2")),
                Map.entry("sisimai/rfc3464-10.eml", List.of("kijitora@example.jp 5.1.6")),
                Map.entry("enmime/dsn/dsn_with_multipart_alternative.raw", List.of("non-existing@example.com 5.1.10")),
                Map.entry("mikel-mail/multipart_report_emails/report_530.eml", List.of("edwin@zzzzzzz.com 5.3.0")),
                Map.entry("nodemailer/delivery-status.eml", List.of("xxxx@xxxx.com 5.1.1")));
        expected.forEach((file, failed) -> assertThat(report(file).failed())
                .as(file).extracting(r -> r.address() + " " + r.status()).containsExactlyElementsOf(failed));
    }

    @Test
    void theBouncedMailIsKnownByItsMessageIdWhetherItCameBackWholeOrAsHeadersOnly() {
        assertThat(report("sisimai/lhost-sendmail-01.eml").returnedMessageId()).as("message/rfc822")
                .isEqualTo("<E1C50F1B-1C83-4820-BC36-AC6FBFBE8568@example.org>");
        assertThat(report("sisimai/rfc3464-08.eml").returnedMessageId()).as("text/rfc822-headers")
                .isEqualTo("<000000000000000000000000000000@mx.example.or.jp>");
        assertThat(report("sisimai/lhost-postfix-01.eml").returnedMessageId()).as("returned message without an id")
                .isNull();
    }

    @Test
    void theDiagnosticIsTheRemoteServersAnswerWithoutItsType() {
        assertThat(report("sisimai/lhost-postfix-02.eml").failed().get(0).diagnostic())
                .isEqualTo("550 5.2.1 <filtered@example.co.jp>... User Unknown");
        assertThat(report("enmime/dsn/multi_recipient_dsn.raw").failed().get(0).diagnostic())
                .as("folded over two lines").isEqualTo("550 'arathib@vnet.IBM.COM' is not a registered gateway user");
    }

    @Test
    void delayReportsNameNoFailedRecipientWhereverTheirStatusPartIs() {
        for (String file : List.of("sisimai/rfc3464-07.eml", "sisimai/rfc3464-09.eml", "enmime/dsn/delayed_dsn.raw",
                "mikel-mail/multipart_report_emails/report_422.eml")) {
            DeliveryReport report = report(file);
            assertThat(report.recipients()).as(file).isNotEmpty().allMatch(r -> r.action().equals("delayed"));
            assertThat(report.failed()).as(file).isEmpty();
        }
        // rfc3464-09 is multipart/mixed with the status part inside, as some servers send it
        assertThat(report("sisimai/rfc3464-09.eml").returnedMessageId())
                .isEqualTo("<00000000000000000000000000000000000000000@example.org>");
    }

    @Test
    void aReportOnSeveralRecipientsCountsOnlyTheFailedOnesAsFailed() {
        DeliveryReport report = report("enmime/dsn/multi_recipient_dsn.raw");
        assertThat(report.recipients()).extracting(DeliveryReport.Recipient::action)
                .containsExactly("failed", "delayed", "failed");
        assertThat(report.failed()).extracting(DeliveryReport.Recipient::address)
                .containsExactly("arathib@vnet.ibm.com", "wsnell@sdcc13.ucsd.edu");
    }

    @Test
    void aSecondStatusPartIsReadWhenTheFirstHoldsOnlyProse() {
        assertThat(report("mikel-mail/multipart_report_emails/multipart_report_multiple_status.eml").failed())
                .extracting(r -> r.address() + " " + r.status()).containsExactly("u@ci.com 5.3.0");
    }

    @Test
    void proseBouncesFeedbackReportsAndComplaintsAreNoDeliveryReports() {
        // rfc3464-04 and -06 say multipart/report, but their boundary never comes: prose to any MIME reader
        for (String file : List.of("sisimai/rfc3464-04.eml", "sisimai/rfc3464-06.eml", "sisimai/lhost-exim-01.eml", "sisimai/lhost-qmail-01.eml", "sisimai/lhost-yahoo-01.eml",
                "sisimai/lhost-gmail-01.eml", "sisimai/arf-01.eml", "sisimai/arf-02.eml", "sisimai/rfc3834-01.eml")) {
            assertThat(read(file)).as(file).isEmpty();
        }
        assertThat(DeliveryReport.read(SharedFiles.sample("04-en-rude-staff.eml"))).isEmpty();
        assertThat(DeliveryReport.read("not a mail at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEmpty();
    }
}
