package org.redress.sandbox.jira;

/** A project configured for the sandbox; ids are assigned from the configuration order so they are stable. */
record SandboxProject(String id, String key, String name) {
}
