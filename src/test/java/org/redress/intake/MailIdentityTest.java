package org.redress.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What makes two deliveries the same mail. */
class MailIdentityTest {
    private static final String KETTLE = "From: ines.duarte@example.pt\r\nMessage-ID: <kettle-1@example.pt>\r\n"
            + "Subject: Broken kettle\r\n\r\nThe kettle leaks from its base.\r\n";

    @Test
    void aMailWithAMessageIdIsKnownByItWithoutHashingItsBody() {
        MailIdentity identity = MailIdentity.of(bytes(KETTLE));
        assertThat(identity.dedupKey()).isEqualTo("<kettle-1@example.pt>");
        assertThat(identity.contentHash()).isNull();
        assertThat(identity.distinctFromEarlierMailWithSameId(bytes(KETTLE)).dedupKey())
                .isEqualTo("<kettle-1@example.pt>#" + MailIdentity.bodyHash(bytes(KETTLE)).substring(0, 16));
    }

    @Test
    void aMailWithoutMessageIdIsKnownByTheHashOfWhatItsSenderWrote() {
        String noId = KETTLE.replace("Message-ID: <kettle-1@example.pt>\r\n", "");
        MailIdentity identity = MailIdentity.of(bytes(noId));
        assertThat(identity.contentHash()).isEqualTo(MailIdentity.bodyHash(bytes(noId)));
        assertThat(MailIdentity.of(bytes("Received: from relay\r\n" + noId)).dedupKey()).isEqualTo(identity.dedupKey());
    }

    @Test
    void theSameBodyUnderOtherDeliveryHeadersIsTheSameBody() throws Exception {
        assertThat(sameBody("Return-Path: <ines.duarte@example.pt>\r\nReceived: from mx\r\n" + KETTLE, KETTLE)).isTrue();
        assertThat(sameBody(KETTLE.replace("\r\n", "\n"), KETTLE.replace("\r\n", "\n"))).as("LF only").isTrue();
        assertThat(sameBody("X: 1\n\r\nbody", "X: 2\n\nbody")).as("a blank line of CRLF after LF").isTrue();
    }

    @Test
    void anotherBodyOrOneLongerOrShorterIsNotTheSameBody() throws Exception {
        assertThat(sameBody(KETTLE, KETTLE.replace("leaks", "drips"))).isFalse();
        assertThat(sameBody(KETTLE, KETTLE + "Ines\r\n")).isFalse();
        assertThat(sameBody(KETTLE + "Ines\r\n", KETTLE)).isFalse();
        assertThat(sameBody("X: only a header", "X: another header")).as("no body on either side").isTrue();
        assertThat(sameBody("X: only a header", KETTLE)).isFalse();
    }

    @Test
    void aBodyLargerThanOneReadIsComparedToItsLastByte() throws Exception {
        String large = KETTLE + "x".repeat(200_000);
        assertThat(sameBody(large, "Received: from mx\r\n" + large)).isTrue();
        assertThat(sameBody(large, large.substring(0, large.length() - 1) + "y")).isFalse();
    }

    private static boolean sameBody(String earlier, String raw) throws Exception {
        return MailIdentity.sameBody(new ByteArrayInputStream(bytes(earlier)), bytes(raw));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
