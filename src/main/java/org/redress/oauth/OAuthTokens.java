package org.redress.oauth;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.redress.config.InboxConfig;
import org.redress.config.OAuthConfig;
import org.redress.config.RedressConfig;

/** The access tokens of every mailbox login that uses OAuth2 (XOAUTH2): inboxes ({@code inbox.<id>}) and SMTP. */
public final class OAuthTokens {
    private final Map<String, MailboxToken> tokens = new LinkedHashMap<>();

    public OAuthTokens(RedressConfig config, TokenEndpoint endpoint, Clock clock, MailboxToken.Observer observer) {
        for (InboxConfig inbox : config.inboxes()) {
            add(inbox.oauth(), endpoint, clock, observer);
        }
        add(config.smtp().oauth(), endpoint, clock, observer);
    }

    private void add(OAuthConfig oauth, TokenEndpoint endpoint, Clock clock, MailboxToken.Observer observer) {
        if (oauth != null) {
            tokens.put(oauth.account(), new MailboxToken(oauth, endpoint, clock, observer));
        }
    }

    public boolean any() {
        return !tokens.isEmpty();
    }

    public Collection<MailboxToken> all() {
        return tokens.values();
    }

    /** What an inbox logs in with: its password, or its current access token. */
    public Supplier<String> secretOf(InboxConfig inbox) {
        MailboxToken token = tokens.get("inbox." + inbox.id());
        return token == null ? inbox::password : token::accessToken;
    }

    /** The SMTP login's current access token, or null when SMTP uses a password. */
    public MailboxToken smtp() {
        return tokens.get("smtp");
    }

    /** The timer's step: every token due for refresh is refreshed. */
    public void refreshDue() {
        tokens.values().forEach(MailboxToken::refreshIfDue);
    }
}
