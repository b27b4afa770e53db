-- A hash of the customer's own words (quotes and signature removed), so that the same words sent again by the same
-- address (a customer resending, an auto-responder answering every mail) continue the first ticket.
ALTER TABLE complaint ADD COLUMN words_sha256 VARCHAR(64);
CREATE INDEX complaint_sender_words ON complaint (sender, words_sha256);

-- The Jira issue that told agents about a quarantined mail (redress.intake.quarantine-alert-project).
ALTER TABLE complaint ADD COLUMN alert_key VARCHAR(64);
