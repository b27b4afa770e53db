-- A hash of the customer's own words (quotes and signature removed), so that the same words sent again by the same
-- address (a customer resending, an auto-responder answering every mail) continue the first ticket.
ALTER TABLE complaint ADD COLUMN words_sha256 VARCHAR(64);
CREATE INDEX complaint_sender_words ON complaint (sender, words_sha256);

-- The Jira issue that told agents about a quarantined mail (redress.intake.quarantine-alert-project).
-- Mail quarantined before this version is listed by /q/quarantine as before; it is not announced all at once now.
ALTER TABLE complaint ADD COLUMN alert_key VARCHAR(64);
UPDATE complaint SET alert_key = '-' WHERE outcome = 'quarantined';
