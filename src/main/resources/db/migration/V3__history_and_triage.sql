-- Customer history, priority hints and the complaint register's detail. Portable SQL (H2 and PostgreSQL).

-- What the gateway learned about a complaint when it filed it: category, priority, what it knew of the customer.
CREATE TABLE complaint_assessment (
    complaint_id        BIGINT       NOT NULL PRIMARY KEY REFERENCES complaint (id),
    category            VARCHAR(64)  NOT NULL,
    priority            VARCHAR(64)  NOT NULL,
    -- the rules that set the priority, for the agent and the API ("legal -> High")
    priority_reasons    VARCHAR(1000),
    earlier_complaints  INT          NOT NULL,
    repeat_complainant  BOOLEAN      NOT NULL,
    customer_tier       VARCHAR(64),
    -- the history sources that failed, or null when the history is complete
    history_unavailable VARCHAR(1000),
    -- when the customer's earlier tickets were linked to this one
    linked_at           TIMESTAMP WITH TIME ZONE,
    assessed_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each priority hint with the customer's words that triggered it.
CREATE TABLE complaint_hint (
    complaint_id BIGINT        NOT NULL REFERENCES complaint (id),
    kind         VARCHAR(32)   NOT NULL,
    evidence     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (complaint_id, kind)
);
CREATE INDEX complaint_hint_kind ON complaint_hint (kind);

-- The result of a complaint: how its ticket was resolved, when, and how satisfied the customer was (1-5).
ALTER TABLE complaint ADD COLUMN resolution VARCHAR(255);
ALTER TABLE complaint ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN satisfaction INT;

CREATE INDEX complaint_received ON complaint (received_at);
CREATE INDEX complaint_ticket ON complaint (ticket_key);
