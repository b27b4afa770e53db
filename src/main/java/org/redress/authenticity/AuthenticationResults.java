package org.redress.authenticity;

import jakarta.mail.internet.HeaderTokenizer;
import jakarta.mail.internet.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Authentication-Results header (RFC 8601): which server wrote it (the authserv-id) and the result of each
 * method it ran, e.g. {@code spf=pass}, {@code dkim=fail}, {@code dmarc=fail}. Comments, quoted strings and folding
 * are read by jakarta.mail's {@link HeaderTokenizer}; methods and results are compared without regard to case.
 * Reasons and properties ({@code header.from=…}) are not needed and are skipped.
 *
 * @param authservId the id of the server that wrote the header, as written
 * @param results    every method's result, in the header's order
 */
public record AuthenticationResults(String authservId, List<MethodResult> results) {
    /** Only what separates the parts of a result; dots and {@code @} stay inside words. */
    private static final String DELIMITERS = ";=/";

    /** @param method the method's name, lower case (spf, dkim, dmarc, arc …); @param result its result, lower case */
    public record MethodResult(String method, String result) {
    }

    public AuthenticationResults {
        results = List.copyOf(results);
    }

    /** Whether the server wrote this server id (ids are domain names: case does not matter). */
    public boolean writtenBy(String id) {
        return authservId.equalsIgnoreCase(id);
    }

    /** Whether any result of {@code method} is {@code result}. */
    public boolean says(String method, String result) {
        return results.stream().anyMatch(r -> r.method().equalsIgnoreCase(method) && r.result().equalsIgnoreCase(result));
    }

    /** The header's meaning, or empty when it is not a readable Authentication-Results value. */
    public static Optional<AuthenticationResults> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            HeaderTokenizer tokens = new HeaderTokenizer(value, DELIMITERS, true);
            HeaderTokenizer.Token id = tokens.next();
            if (!isWord(id)) {
                return Optional.empty();
            }
            List<MethodResult> results = new ArrayList<>();
            HeaderTokenizer.Token token = tokens.next();
            while (token.getType() != HeaderTokenizer.Token.EOF) {
                token = token.getType() == ';' ? resultInfo(tokens, results) : tokens.next();
            }
            return Optional.of(new AuthenticationResults(id.getValue(), results));
        } catch (ParseException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Reads one {@code method[/version]=result} after a semicolon ("none" has no result) and skips its reason and
     * properties; returns the token that ended it (the next semicolon, or the end).
     */
    private static HeaderTokenizer.Token resultInfo(HeaderTokenizer tokens, List<MethodResult> into) throws ParseException {
        HeaderTokenizer.Token method = tokens.next();
        if (!isWord(method)) {
            return method;
        }
        HeaderTokenizer.Token token = tokens.next();
        if (token.getType() == '/') {
            tokens.next();
            token = tokens.next();
        }
        if (token.getType() == '=') {
            HeaderTokenizer.Token result = tokens.next();
            if (!isWord(result)) {
                return result;
            }
            into.add(new MethodResult(method.getValue().toLowerCase(Locale.ROOT),
                    result.getValue().toLowerCase(Locale.ROOT)));
            token = tokens.next();
        }
        while (token.getType() != ';' && token.getType() != HeaderTokenizer.Token.EOF) {
            token = tokens.next();
        }
        return token;
    }

    private static boolean isWord(HeaderTokenizer.Token token) {
        return token.getType() == HeaderTokenizer.Token.ATOM || token.getType() == HeaderTokenizer.Token.QUOTEDSTRING;
    }
}
