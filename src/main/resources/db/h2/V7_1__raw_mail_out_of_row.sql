-- H2-only migrations take a version between the shared ones (7.1 here), so that the next shared one can be V8.
-- H2 only (PostgreSQL keeps BYTEA, which it already stores out of line, TOASTed).
-- H2 stores BYTEA inside the table's pages: every new mail rewrote the page that held the previous ones, so one
-- 34 MB mail cost H2 several hundred MB of buffers and each commit re-serialized neighbouring mails. A BLOB is kept
-- in H2's LOB store, written once in blocks as it streams in.
ALTER TABLE raw_mail ALTER COLUMN content SET DATA TYPE BLOB;
