-- Complaints now arrive on channels other than e-mail (routes/README.md). Everything the gateway sends the customer
-- about a complaint leaves through that complaint's reply channel (route direct:reply-<channel>); NULL is e-mail,
-- as for every complaint recorded before.
ALTER TABLE complaint ADD COLUMN reply_channel VARCHAR(40);
