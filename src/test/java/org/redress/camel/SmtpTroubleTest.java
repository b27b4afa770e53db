package org.redress.camel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Which failed sends make /q/health report SMTP DOWN: the server's trouble, never one mail's. */
class SmtpTroubleTest {

    @Test
    void noConnectionRefusedLoginAndTemporaryRefusalAreTheServersTrouble() throws Exception {
        assertThat(OutboxSteps.serverTrouble(new MessagingException("Couldn't connect to host",
                new ConnectException("Connection refused")))).isTrue();
        assertThat(OutboxSteps.serverTrouble(new AuthenticationFailedException("535 bad credentials"))).isTrue();
        assertThat(OutboxSteps.serverTrouble(new SMTPSendFailedException("DATA", 451, "451 try later", null,
                null, null, null))).isTrue();
    }

    @Test
    void aRecipientRefusedForGoodOrAMailThatWillNotParseIsNotTheServersTrouble() throws Exception {
        SMTPAddressFailedException unknownUser = new SMTPAddressFailedException(
                new InternetAddress("gone@example.org"), "RCPT TO", 550, "550 no such user");
        assertThat(OutboxSteps.serverTrouble(new jakarta.mail.SendFailedException("Invalid Addresses", unknownUser)))
                .isFalse();
        assertThat(OutboxSteps.serverTrouble(new IllegalArgumentException("unparseable MIME"))).isFalse();
        assertThat(OutboxSteps.serverTrouble(null)).isFalse();
    }
}
