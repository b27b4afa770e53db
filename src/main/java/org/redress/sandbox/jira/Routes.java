package org.redress.sandbox.jira;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps method + path templates such as {@code /rest/api/3/issue/{issueIdOrKey}} to handlers, and
 * tells "no such path" (404) apart from "path exists, wrong method" (405) as Jira does.
 */
final class Routes {

    @FunctionalInterface
    interface Handler {
        /** @param user the authenticated caller; null on the public HTML routes */
        void handle(HttpCall call, SandboxUser user) throws IOException;
    }

    record Route(String method, List<String> template, boolean authenticated, Handler handler) {
    }

    /** Either a route with its path parameters, or the methods the path would have allowed. */
    record Resolution(Route route, List<String> params, Set<String> allowedMethods) {
        boolean found() {
            return route != null;
        }

        boolean pathExists() {
            return !allowedMethods.isEmpty();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Routes api(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), true, handler));
        return this;
    }

    Routes page(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), false, handler));
        return this;
    }

    Resolution resolve(String method, List<String> segments) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            List<String> params = match(route.template(), segments);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Resolution(route, params, Set.of(method));
            }
            allowed.add(route.method());
        }
        return new Resolution(null, List.of(), allowed);
    }

    private static List<String> match(List<String> template, List<String> segments) {
        if (template.size() != segments.size()) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String actual = segments.get(i);
            if (expected.startsWith("{")) {
                if (actual.isEmpty()) {
                    return null;
                }
                params.add(actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return params;
    }

    private static List<String> split(String template) {
        return template.equals("/") ? List.of("") : List.of(template.substring(1).split("/", -1));
    }
}
