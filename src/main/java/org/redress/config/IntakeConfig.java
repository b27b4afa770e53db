package org.redress.config;

import java.time.Duration;
import java.util.List;

/**
 * How mail is taken in.
 *
 * @param pollInterval       time between two polls of an inbox
 * @param maxAttempts        how many polls may fail on the same mail before it is quarantined
 * @param quarantineFolder   IMAP folder quarantined mail is moved to (it also stays in the register with its raw copy)
 * @param maxAttachmentText  the most characters of text kept from one attachment
 * @param limits             how much of a mail is read, attached and given to Tika
 * @param oversizedFolder    IMAP folder a mail larger than the message limit is moved to, whole, after its ticket
 * @param languages          the languages detected and answered in (ISO 639-1); the first is not special
 * @param fallbackLanguage   the language answered in when neither detection nor the inbox says otherwise
 * @param quarantineAlertProject the Jira project where each quarantined mail is announced by an issue; empty: none
 * @param authservId         the authserv-id of our receiving mail server, whose Authentication-Results alone are
 *                           believed; empty: none is, and no sender is flagged
 * @param parallelism        how many mails of one inbox are handled at once; mails from one sender stay in order
 * @param idle               wait between looks in IMAP IDLE where the server offers it: the server tells of new mail,
 *                           instead of being asked every {@code pollInterval}
 */
public record IntakeConfig(Duration pollInterval, int maxAttempts, String quarantineFolder, int maxAttachmentText,
                           List<String> languages, String fallbackLanguage, SizeLimits limits, String oversizedFolder,
                           String authservId, String quarantineAlertProject, int parallelism, boolean idle) {

    /**
     * @param maxMessageBytes    the most bytes read of one mail; a longer one is ticketed from its first part and kept
     *                           whole on the mail server
     * @param maxAttachmentBytes the largest file uploaded to Jira; a larger one is listed, not attached, and stays in
     *                           the register's copy of the mail
     * @param textTimeout        the longest Tika may work on one attachment's text
     */
    public record SizeLimits(long maxMessageBytes, long maxAttachmentBytes, Duration textTimeout) {
    }
}
