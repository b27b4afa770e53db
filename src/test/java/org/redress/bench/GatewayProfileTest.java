package org.redress.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayProfileTest {

    @Test
    void sampleIsTheWorkOfItsTopmostFrameThatNamesOne() {
        // a JDK string copy made for the parser is parsing; Camel's bean call below it does not matter
        assertThat(GatewayProfile.workOf(List.of("java.lang.StringLatin1", "java.lang.String",
                "org.redress.parsing.MailParser", "org.apache.camel.component.bean.BeanProcessor",
                "org.redress.camel.imap.ImapInboxConsumer"))).isEqualTo(GatewayProfile.PARSE);
        // Camel's own routing, even when an inbox's poller is at the bottom of the stack
        assertThat(GatewayProfile.workOf(List.of("java.util.ArrayList", "org.apache.camel.processor.Pipeline",
                "org.redress.camel.imap.ImapInboxConsumer"))).isEqualTo(GatewayProfile.ROUTING);
        assertThat(GatewayProfile.workOf(List.of("org.h2.mvstore.Page", "org.redress.store.ComplaintRegister",
                "org.redress.intake.ComplaintIntake"))).isEqualTo(GatewayProfile.REGISTER);
    }

    @Test
    void longestPrefixWinsOverTheGatewaysOwnPackage() {
        assertThat(GatewayProfile.workOf(List.of("org.redress.camel.CamelJiraClient"))).isEqualTo(GatewayProfile.JIRA);
        assertThat(GatewayProfile.workOf(List.of("org.redress.camel.imap.ImapMailbox"))).isEqualTo(GatewayProfile.FETCH);
        assertThat(GatewayProfile.workOf(List.of("org.redress.camel.IntakeSteps"))).isEqualTo(GatewayProfile.ROUTING);
        // Jakarta Mail's MIME classes name no work: their caller does
        assertThat(GatewayProfile.workOf(List.of("jakarta.mail.internet.MimeUtility",
                "org.redress.acknowledgement.ReplyMail"))).isEqualTo(GatewayProfile.ACKNOWLEDGE);
        assertThat(GatewayProfile.workOf(List.of("java.lang.Thread"))).isEqualTo(GatewayProfile.OTHER);
    }

    @Test
    void camelsFramesDoTheWorkOfTheGatewayClassThatCallsCamelAsAClient() {
        // the Jira client's HTTP call through Camel's plumbing is a Jira call
        assertThat(GatewayProfile.workOf(List.of("org.apache.camel.support.DefaultHeaderFilterStrategy",
                "org.apache.camel.impl.engine.DefaultProducerTemplate", "org.redress.camel.CamelJiraClient",
                "org.redress.jira.NewTicket", "org.redress.camel.IntakeSteps"))).isEqualTo(GatewayProfile.JIRA);
        // a step's own routing stays routing, whatever consumer is below it
        assertThat(GatewayProfile.workOf(List.of("org.apache.camel.processor.Pipeline",
                "org.redress.camel.IntakeSteps", "org.redress.camel.CamelJiraClient"))).isEqualTo(GatewayProfile.ROUTING);
        // the gateway's byte buffers name no work: the parser that fills them does
        assertThat(GatewayProfile.workOf(List.of("org.redress.bytes.SizedBuffer",
                "org.redress.parsing.PartBytes"))).isEqualTo(GatewayProfile.PARSE);
    }

    @Test
    void threadGroupsAsJcmdGroupsThemTellTheUnsampledOnes() {
        assertThat(GatewayProfile.unsampled("G# Conc##")).isTrue();
        assertThat(GatewayProfile.unsampled("C# CompilerThread#")).isTrue();
        assertThat(GatewayProfile.unsampled("GC Thread##")).isTrue();
        assertThat(GatewayProfile.unsampled("inbox-complaints-lane-#")).isFalse();
    }

    @Test
    void recordingMadeWithTheBenchmarksSettingsIsReadBack(@TempDir Path dir) throws Exception {
        Configuration settings = Configuration.create(new StringReader(GatewayProfile.settings(10)));
        Path file = dir.resolve("cpu.jfr");
        GatewayProfile profile = null;
        // a sample is lost when the sampler cannot walk the thread's stack at that instant (in a runtime stub, say);
        // on a busy machine half a second of a tight loop once gave none, so a recording without any is made again
        for (int attempt = 0; attempt < 5 && (profile == null || profile.samples() == 0); attempt++) {
            try (Recording recording = new Recording(settings)) {
                recording.start();
                assertThat(busy(500_000_000L)).isNotZero();
                recording.stop();
                recording.dump(file);
            }
            profile = GatewayProfile.read(file, 10, 0.5);
        }

        assertThat(profile.samples()).isPositive();
        assertThat(profile.byWork().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(profile.samples());
        GatewayProfile.Summary summary = profile.summary(10.0);
        assertThat(summary.byWork().stream().mapToDouble(GatewayProfile.Work::msPerMail).sum()).isCloseTo(10.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(summary.coverage()).isEqualTo(profile.samples() * 10 / 1000.0 / 0.5);
    }

    /** Plain arithmetic in a loop of calls, for the sampler to find in Java code. */
    private static long busy(long nanos) {
        long end = System.nanoTime() + nanos;
        long sink = 1;
        while (System.nanoTime() < end) {
            sink = mix(sink);
        }
        return sink | 1;
    }

    private static long mix(long value) {
        long mixed = value;
        for (int i = 0; i < 1000; i++) {
            mixed = mixed * 31 + (i ^ (mixed >>> 7));
        }
        return mixed;
    }
}
