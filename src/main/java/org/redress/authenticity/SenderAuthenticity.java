package org.redress.authenticity;

import java.util.List;
import java.util.Optional;

/**
 * Whether our own mail server vouches for a mail's sender. Only the server's own Authentication-Results count:
 * anyone can write such a header into the mail they send, so a header naming another server — or any header at all
 * when no authserv-id is configured — says nothing. Of the server's own headers the topmost is the one it added on
 * receipt; any lower one came with the mail.
 */
public final class SenderAuthenticity {
    private final String authservId;

    /** @param authservId our receiving server's authserv-id; blank: nothing is trusted and no mail is flagged */
    public SenderAuthenticity(String authservId) {
        this.authservId = authservId == null ? "" : authservId.strip();
    }

    /**
     * @param authenticationResults the mail's Authentication-Results values, topmost first (possibly empty)
     * @return what says the sender may be forged, or empty when nothing does (including when our server wrote
     *         no header, or the check is off)
     */
    public Optional<UnverifiedSender> check(List<String> authenticationResults) {
        if (authservId.isEmpty() || authenticationResults == null) {
            return Optional.empty();
        }
        return authenticationResults.stream()
                .map(AuthenticationResults::parse).flatMap(Optional::stream)
                .filter(header -> header.writtenBy(authservId))
                .findFirst()
                .filter(ours -> ours.says("dmarc", "fail"))
                .map(ours -> new UnverifiedSender(authservId));
    }
}
