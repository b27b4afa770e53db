package org.redress.channel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A submission that cannot be taken: nothing was recorded, and the sender is told what to fix. {@link #status()} is
 * the HTTP status a web channel answers with (400 for a wrong field, 409 for a reference reused with other content,
 * 413 when too large, 415 for a body that is not a complaint at all).
 */
public final class InvalidSubmission extends RuntimeException {
    private final int status;
    private final transient List<SubmissionProblem> problems;

    public InvalidSubmission(int status, List<SubmissionProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public InvalidSubmission(int status, String field, String message, String code) {
        this(status, List.of(new SubmissionProblem(field, message, code)));
    }

    public int status() {
        return status;
    }

    public List<SubmissionProblem> problems() {
        return problems;
    }
}
