package org.redress.camel.imap;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.redress.config.InboxConfig;
import org.redress.config.RedressConfig;

/**
 * {@code imap-inbox:<inbox id>}: the consumer of one configured IMAP inbox (see {@link ImapInboxConsumer}). Server,
 * login, folders and limits come from the validated {@code redress.inbox.<id>.*} and {@code redress.intake.*} keys,
 * so a route names only the inbox.
 */
public final class ImapInboxComponent extends DefaultComponent {
    public static final String SCHEME = "imap-inbox";

    private final RedressConfig config;
    private final Properties mailProperties;
    private final PollObserver pollObserver;
    /** Bytes of mail held by all inboxes together: large mails are let in one after the other, gateway-wide. */
    private final java.util.concurrent.atomic.AtomicLong heldBytes = new java.util.concurrent.atomic.AtomicLong();

    private final org.redress.oauth.OAuthTokens tokens;

    public ImapInboxComponent(RedressConfig config, Properties mailProperties, PollObserver pollObserver,
                              org.redress.oauth.OAuthTokens tokens) {
        this.tokens = tokens;
        this.config = config;
        this.mailProperties = mailProperties;
        this.pollObserver = pollObserver;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        InboxConfig inbox = config.inboxes().stream().filter(i -> i.id().equals(remaining)).findFirst().orElse(null);
        if (inbox == null || !inbox.protocol().hasFolders()) {
            throw new IllegalArgumentException(uri + ": no IMAP inbox '" + remaining + "' in redress.inbox.*");
        }
        Properties properties = new Properties();
        properties.putAll(mailProperties);
        String protocol = inbox.protocol().scheme();
        properties.putIfAbsent("mail." + protocol + ".connectiontimeout", "10000");
        // a server that stops answering must not hold the inbox forever
        properties.putIfAbsent("mail." + protocol + ".timeout", "60000");
        if (inbox.oauth() != null) {
            // Microsoft 365 and Gmail: SASL XOAUTH2 with the access token in place of the password
            properties.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
        }
        return new ImapInboxEndpoint(uri, this, inbox, properties, config.intake(), pollObserver, heldBytes,
                tokens.secretOf(inbox));
    }
}
