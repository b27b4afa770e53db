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
 * @param languages          the languages detected and answered in (ISO 639-1); the first is not special
 * @param fallbackLanguage   the language answered in when neither detection nor the inbox says otherwise
 * @param authservId         the authserv-id of our receiving mail server, whose Authentication-Results alone are
 *                           believed; empty: none is, and no sender is flagged
 */
public record IntakeConfig(Duration pollInterval, int maxAttempts, String quarantineFolder, int maxAttachmentText,
                           List<String> languages, String fallbackLanguage, String authservId) {
}
