-- When the gateway asked Jira to create the complaint's ticket. Set before the request: a complaint that has it but
-- no ticket key may have a ticket already (the gateway died, or the answer was lost, after Jira created it), so the
-- next attempt looks for the ticket by its mail label before creating one.
ALTER TABLE complaint ADD COLUMN ticket_requested_at TIMESTAMP WITH TIME ZONE;

-- The per-address cap on automatic answers counts recent mails to one recipient.
CREATE INDEX outgoing_mail_recipient ON outgoing_mail (recipient, created_at);
