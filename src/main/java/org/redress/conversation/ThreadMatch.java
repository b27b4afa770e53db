package org.redress.conversation;

/**
 * Which ticket a mail belongs to and which rule said so, recorded with the mail so that an agent can see why a
 * mail became a comment.
 */
public record ThreadMatch(String ticketKey, Rule rule) {

    public enum Rule {
        IN_REPLY_TO("in-reply-to"), REFERENCES("references"), SUBJECT_KEY("subject-key"),
        /** The same words from the same address again (see {@link SameWords}). */
        SAME_WORDS("same-words");

        private final String code;

        Rule(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
