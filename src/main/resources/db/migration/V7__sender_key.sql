-- A customer's earlier complaints are looked up by address, whatever its case. "lower(sender) = ?" cannot use an
-- index (H2 has no expression indexes), so every new complaint read the whole register: the lower-case address is
-- kept in a column of its own, with an index.
ALTER TABLE complaint ADD COLUMN sender_key VARCHAR(320);
UPDATE complaint SET sender_key = lower(sender) WHERE sender IS NOT NULL;
CREATE INDEX complaint_sender_key ON complaint (sender_key, kind);
