package org.redress.config;

import java.util.Set;

/**
 * Where a customer's history comes from (besides the register).
 *
 * @param crmUrl      JDBC URL of the CRM database, or null for no CRM
 * @param crmQuery    the camel-sql query returning one row for {@code :#email}
 * @param vipTiers    CRM tiers (lower case) whose tickets carry the {@code vip} label
 * @param jiraJql     JQL finding a customer's tickets, with {@code {email}} and {@code {projects}}
 * @param maxTickets  how many of the customer's Jira tickets to read at most
 * @param linkType    the Jira link type joining a repeat complainant's tickets
 */
public record HistoryConfig(String crmUrl, String crmUser, String crmPassword, String crmQuery, Set<String> vipTiers,
                            String jiraJql, int maxTickets, String linkType) {

    public boolean crmEnabled() {
        return crmUrl != null;
    }

    @Override
    public String toString() {
        return "HistoryConfig[crm=" + crmUrl + ", jql=" + jiraJql + "]";
    }
}
