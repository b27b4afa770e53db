package org.redress.sandbox.jira;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits JQL into tokens, keeping each token's position so errors can point at the character the
 * way Jira's "(line 1, character N)" messages do.
 */
final class JqlLexer {

    enum Kind { WORD, STRING, OPERATOR, LPAREN, RPAREN, COMMA, END }

    record Token(Kind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        String describe() {
            return kind == Kind.END ? "end of query" : "'" + text + "'";
        }
    }

    private JqlLexer() {
    }

    static List<Token> tokenize(String jql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = jql.length();
        while (i < n) {
            char c = jql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == '"' || c == '\'') {
                i = quoted(jql, i, tokens);
            } else if (c == '=' || c == '~') {
                tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), i++));
            } else if (c == '!' || c == '<' || c == '>') {
                if (i + 1 < n && (jql.charAt(i + 1) == '=' || (c == '!' && jql.charAt(i + 1) == '~'))) {
                    tokens.add(new Token(Kind.OPERATOR, jql.substring(i, i + 2), i));
                    i += 2;
                } else if (c == '!') {
                    throw JqlQuery.error("Expecting '=' or '~' after '!'", i);
                } else {
                    tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), i++));
                }
            } else {
                int start = i;
                while (i < n && !isDelimiter(jql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, jql.substring(start, i), start));
            }
        }
        tokens.add(new Token(Kind.END, "", n));
        return tokens;
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || "()=!<>~,\"'".indexOf(c) >= 0;
    }

    private static int quoted(String jql, int start, List<Token> tokens) {
        char quote = jql.charAt(start);
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < jql.length()) {
            char c = jql.charAt(i);
            if (c == quote) {
                tokens.add(new Token(Kind.STRING, text.toString(), start));
                return i + 1;
            }
            if (c == '\\' && i + 1 < jql.length()) {
                char next = jql.charAt(i + 1);
                switch (next) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case 'u' -> {
                        if (i + 6 > jql.length()) {
                            throw JqlQuery.error("Illegal unicode escape", i);
                        }
                        try {
                            text.append((char) Integer.parseInt(jql.substring(i + 2, i + 6), 16));
                        } catch (NumberFormatException e) {
                            throw JqlQuery.error("Illegal unicode escape", i);
                        }
                        i += 4;
                    }
                    default -> text.append(next);
                }
                i += 2;
                continue;
            }
            text.append(c);
            i++;
        }
        throw JqlQuery.error("Missing closing quote " + quote, start);
    }
}
