package org.redress.config;

/**
 * The outgoing mail server every acknowledgement leaves through.
 *
 * @param oauth       how to get the XOAUTH2 access token used instead of the password, or null for a password
 * @param connections how many mails the outbox hands to the server at once, each over a connection of its own: one
 *                    connection and one "sent" commit per mail capped a flood's acknowledgements far below the rate
 *                    complaints were ticketed; servers limit connections per client (Exchange Online: 3)
 */
public record SmtpConfig(String host, int port, String user, String password, Security security, OAuthConfig oauth,
                         int connections) {

    /** Enough for the outbox to keep up with a flood ticketed by 48 lanes on the embedded H2 (BENCHMARKS.md). */
    public static final int DEFAULT_CONNECTIONS = 8;

    /** none: plain SMTP (the sandbox); starttls: upgrade on port 587; ssl: implicit TLS on port 465. */
    public enum Security { NONE, STARTTLS, SSL }

    @Override
    public String toString() {
        return "Smtp[" + host + ":" + port + " " + security + " user=" + user + (oauth == null ? " password=****" : " " + oauth)
                + " connections=" + connections + "]";
    }
}
