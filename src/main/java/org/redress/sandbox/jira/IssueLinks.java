package org.redress.sandbox.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The links between issues, looked up from either end. Jira shows one link on both of its issues,
 * each time naming the other issue, so rendering needs "the links of this issue as seen from it".
 * Works on the persisted list itself; guarded by the {@link SandboxIssues} lock.
 */
final class IssueLinks {

    /**
     * A link as seen from one of its issues.
     *
     * @param otherIsOutward true when {@code other} is the link's outward issue (shown as
     *                       {@code outwardIssue}, labelled with the type's outward text)
     */
    record Seen(StoredIssueLink link, LinkTypes.Type type, StoredIssue other, boolean otherIsOutward) {
    }

    private final List<StoredIssueLink> links;
    private final LongFunction<StoredIssue> issues;

    /**
     * @param links  the persisted list; added links go into it
     * @param issues finds an issue by id, null when there is none
     */
    IssueLinks(List<StoredIssueLink> links, LongFunction<StoredIssue> issues) {
        this.links = links;
        this.issues = issues;
    }

    /** The link of this type from inward to outward, or null; Jira never stores the same link twice. */
    StoredIssueLink find(String typeId, long inwardIssueId, long outwardIssueId) {
        return links.stream()
                .filter(l -> l.typeId.equals(typeId) && l.inwardIssueId == inwardIssueId && l.outwardIssueId == outwardIssueId)
                .findFirst().orElse(null);
    }

    void add(StoredIssueLink link) {
        links.add(link);
    }

    /** The issue's links in creation order, each naming the issue at the other end. */
    List<Seen> seenFrom(StoredIssue issue) {
        List<Seen> result = new ArrayList<>();
        for (StoredIssueLink link : links) {
            boolean fromInward = link.inwardIssueId == issue.id;
            if (!fromInward && link.outwardIssueId != issue.id) {
                continue;
            }
            LinkTypes.Type type = LinkTypes.byId(link.typeId).orElse(null);
            StoredIssue other = issues.apply(fromInward ? link.outwardIssueId : link.inwardIssueId);
            if (type != null && other != null) {
                result.add(new Seen(link, type, other, fromInward));
            }
        }
        return result;
    }
}
