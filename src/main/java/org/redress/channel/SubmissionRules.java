package org.redress.channel;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a submission must be to be taken: the checks every channel gets, so that a web form, a folder and a queue
 * refuse the same things with the same words. Limits come from {@code redress.channels.*} and the intake's size
 * limits; a file's type is what its bytes are, not what the sender called it.
 */
public final class SubmissionRules {
    public static final int MAX_SUBJECT = 250;
    public static final int MAX_TEXT = 50_000;
    public static final int MAX_NAME = 200;
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{1,30}");
    private static final Pattern REFERENCE = Pattern.compile("[\\p{Graph}]{1,200}");

    private final Set<String> languages;
    private final Set<String> inboxes;
    private final Set<String> fileTypes;
    private final int maxFiles;
    private final long maxFileBytes;
    private final long maxTotalBytes;
    private final BiFunction<String, byte[], String> typeOf;
    private final Predicate<String> hasReplyRoute;

    /**
     * @param typeOf        the media type a file's bytes (and name) say it is
     * @param hasReplyRoute whether a channel has a reply route ({@code direct:reply-<channel>})
     */
    public SubmissionRules(Set<String> languages, Set<String> inboxes, Set<String> fileTypes, int maxFiles,
                           long maxFileBytes, long maxTotalBytes, BiFunction<String, byte[], String> typeOf,
                           Predicate<String> hasReplyRoute) {
        this.languages = Set.copyOf(languages);
        this.inboxes = Set.copyOf(inboxes);
        this.fileTypes = Set.copyOf(fileTypes);
        this.maxFiles = maxFiles;
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.typeOf = typeOf;
        this.hasReplyRoute = hasReplyRoute;
    }

    /** @throws InvalidSubmission listing every problem found (413 when only sizes are at fault) */
    public void check(Submission s) {
        List<SubmissionProblem> problems = new ArrayList<>();
        if (blank(s.channel())) {
            problems.add(required("channel"));
        } else if (!CHANNEL.matcher(s.channel()).matches()) {
            problems.add(new SubmissionProblem("channel", "must be a lower-case word of 2 to 31 letters, digits or -",
                    "invalid"));
        } else if (s.channel().equals("email")) {
            problems.add(new SubmissionProblem("channel", "'email' is the mailboxes' channel: mail is read by the inbox "
                    + "routes, not handed over", "invalid"));
        }
        if (blank(s.reference())) {
            problems.add(required("reference"));
        } else if (!REFERENCE.matcher(s.reference()).matches()) {
            problems.add(new SubmissionProblem("reference", "must be 1 to 200 visible characters without spaces",
                    "invalid"));
        }
        if (s.inbox() != null && !inboxes.contains(s.inbox())) {
            problems.add(new SubmissionProblem("inbox", "is not a configured inbox (one of " + inboxes + ")", "unknown"));
        }
        checkCustomer(s, problems);
        if (blank(s.subject())) {
            problems.add(required("subject"));
        } else if (s.subject().length() > MAX_SUBJECT) {
            problems.add(tooLong("subject", MAX_SUBJECT));
        }
        if (blank(s.text())) {
            problems.add(required("text"));
        } else if (s.text().length() > MAX_TEXT) {
            problems.add(tooLong("text", MAX_TEXT));
        }
        if (s.language() != null && !languages.contains(s.language())) {
            problems.add(new SubmissionProblem("language", "must be one of " + languages, "unknown"));
        }
        if (!hasReplyRoute.test(s.replyChannel())) {
            problems.add(new SubmissionProblem("replyChannel", "has no reply route (direct:reply-" + s.replyChannel()
                    + ")", "unknown"));
        }
        checkFiles(s.files(), problems);
        if (!problems.isEmpty()) {
            boolean onlySizes = problems.stream().allMatch(p -> p.code().equals("too-large"));
            throw new InvalidSubmission(onlySizes ? 413 : 400, problems);
        }
    }

    private static void checkCustomer(Submission s, List<SubmissionProblem> problems) {
        String address = s.customer().address();
        if (address.isEmpty()) {
            problems.add(required("customer.email"));
        } else if (address.length() > 254 || !validAddress(address)) {
            problems.add(new SubmissionProblem("customer.email", "is not an e-mail address", "invalid"));
        }
        String name = s.customer().nameOrNull();
        if (name != null && name.length() > MAX_NAME) {
            problems.add(tooLong("customer.name", MAX_NAME));
        }
    }

    private void checkFiles(List<Submission.SubmittedFile> files, List<SubmissionProblem> problems) {
        if (files.size() > maxFiles) {
            problems.add(new SubmissionProblem("files", "at most " + maxFiles + " files, got " + files.size(),
                    "too-many"));
        }
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            Submission.SubmittedFile file = files.get(i);
            String field = "files[" + i + "]";
            total += file.content().length;
            if (blank(file.name())) {
                problems.add(required(field + ".name"));
            } else if (file.name().length() > 255) {
                problems.add(tooLong(field + ".name", 255));
            }
            if (file.content().length == 0) {
                problems.add(new SubmissionProblem(field, (file.name() == null ? "the file" : file.name())
                        + " is empty", "invalid"));
                continue;
            }
            if (file.content().length > maxFileBytes) {
                problems.add(new SubmissionProblem(field, file.name() + " is " + megabytes(file.content().length)
                        + ", more than the " + megabytes(maxFileBytes) + " a file may be", "too-large"));
            }
            String type = typeOf.apply(file.name(), file.content());
            if (!fileTypes.contains(type)) {
                problems.add(new SubmissionProblem(field, file.name() + " is " + type + ", which is not accepted "
                        + "(accepted: " + String.join(", ", fileTypes.stream().sorted().toList()) + ")", "type"));
            }
        }
        if (total > maxTotalBytes) {
            problems.add(new SubmissionProblem("files", "the files add up to " + megabytes(total) + ", more than the "
                    + megabytes(maxTotalBytes) + " a complaint may carry", "too-large"));
        }
    }

    private static boolean validAddress(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            String domain = parsed.getAddress().substring(parsed.getAddress().indexOf('@') + 1);
            return parsed.getAddress().equals(address) && address.indexOf('@') > 0 && domain.contains(".")
                    && !domain.startsWith(".") && !domain.endsWith(".");
        } catch (AddressException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static SubmissionProblem required(String field) {
        return new SubmissionProblem(field, "is required", "required");
    }

    private static SubmissionProblem tooLong(String field, int max) {
        return new SubmissionProblem(field, "is longer than " + max + " characters", "too-long");
    }
}
