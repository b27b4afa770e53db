package org.redress.sandbox.jira;

import java.util.Map;

/** REST handlers for issue links and their types: HTTP in, {@link SandboxIssues} calls out. */
final class IssueLinkEndpoints {

    private final SandboxIssues issues;

    IssueLinkEndpoints(SandboxIssues issues) {
        this.issues = issues;
    }

    /** Jira answers 201 with no body (the link's URL only in Location), also when the link already existed. */
    void create(HttpCall call, SandboxUser user) {
        String self = issues.link(IssueLinkRequest.parse(call.jsonBody()), user);
        call.send(201, null, new byte[0], Map.of("Location", self));
    }

    void types(HttpCall call, SandboxUser user) {
        call.json(200, issues.linkTypes());
    }
}
