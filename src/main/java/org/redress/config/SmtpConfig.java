package org.redress.config;

/**
 * The outgoing mail server every acknowledgement leaves through.
 *
 * @param oauth how to get the XOAUTH2 access token used instead of the password, or null for a password
 */
public record SmtpConfig(String host, int port, String user, String password, Security security, OAuthConfig oauth) {

    /** none: plain SMTP (the sandbox); starttls: upgrade on port 587; ssl: implicit TLS on port 465. */
    public enum Security { NONE, STARTTLS, SSL }

    @Override
    public String toString() {
        return "Smtp[" + host + ":" + port + " " + security + " user=" + user + (oauth == null ? " password=****]" : " " + oauth + "]");
    }
}
