package org.redress.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;

/** The human-facing pages of the demo; no authentication, because they are opened in a browser. */
final class PageEndpoints {

    private final SandboxIssues issues;

    PageEndpoints(SandboxIssues issues) {
        this.issues = issues;
    }

    void index(HttpCall call, SandboxUser user) {
        call.html(200, SandboxPages.index(issues.newestFirst()));
    }

    void browse(HttpCall call, SandboxUser user) {
        JsonNode issue = issues.issueOrNull(call.pathParam(0));
        if (issue == null) {
            call.html(404, SandboxPages.notFound(call.pathParam(0)));
        } else {
            call.html(200, SandboxPages.issue(issue));
        }
    }
}
