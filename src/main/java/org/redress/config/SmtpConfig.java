package org.redress.config;

/** The outgoing mail server every acknowledgement leaves through. */
public record SmtpConfig(String host, int port, String user, String password, Security security) {

    /** none: plain SMTP (the sandbox); starttls: upgrade on port 587; ssl: implicit TLS on port 465. */
    public enum Security { NONE, STARTTLS, SSL }

    @Override
    public String toString() {
        return "Smtp[" + host + ":" + port + " " + security + " user=" + user + " password=****]";
    }
}
