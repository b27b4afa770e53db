-- Conversations: a ticket is a conversation with its customer. Portable SQL (H2 and PostgreSQL).

-- What a mail became, beyond the outcome: a new complaint or a reply added to a ticket, and why.
ALTER TABLE complaint ADD COLUMN kind VARCHAR(16) DEFAULT 'complaint' NOT NULL;
-- which rule tied a reply to its ticket: in-reply-to | references | subject-key
ALTER TABLE complaint ADD COLUMN thread_rule VARCHAR(32);
-- a ticket key a mail named but may not update (a stranger's [CS-1]): shown to agents, nothing more
ALTER TABLE complaint ADD COLUMN claimed_key VARCHAR(64);
-- the Jira comment a reply became, so that a retry does not comment twice
ALTER TABLE complaint ADD COLUMN comment_id VARCHAR(64);
-- what a reply to a resolved ticket did: reopened | follow-up
ALTER TABLE complaint ADD COLUMN resolved_action VARCHAR(16);

-- One row per ticket the gateway opened: who may add to it by mail, and how we talk to them.
CREATE TABLE ticket (
    ticket_key    VARCHAR(64)   NOT NULL PRIMARY KEY,
    complaint_id  BIGINT        NOT NULL REFERENCES complaint (id),
    -- the address the customer wrote to: every later mail of the conversation goes from it
    inbox_address VARCHAR(320)  NOT NULL,
    customer      VARCHAR(320)  NOT NULL,
    -- the original complaint's To/Cc minus our own addresses, space-separated, lower case
    participants  VARCHAR(4000) NOT NULL,
    language      VARCHAR(8)    NOT NULL,
    subject       VARCHAR(1000) NOT NULL,
    root_message_id VARCHAR(1000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ticket_customer ON ticket (customer);

-- Comments the gateway wrote itself (customer replies): never sent back to the customer.
CREATE TABLE own_comment (
    comment_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    ticket_key  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Where the Jira poller (the fallback to webhooks) got to.
CREATE TABLE jira_poll_state (
    id          INT NOT NULL PRIMARY KEY,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

