-- Two indexes no query reads, each written by every mail taken in: complaint_sender (the one query by sender also
-- names the inbox and the words, and complaint_sender_words, which starts with sender, serves it) and raw_mail_sha256
-- (a raw mail is read by its id; the content hash that identifies a mail without Message-ID is the complaint's
-- content_hash). Each index is one more B-tree for every insert and describe to change, and for H2 one more page
-- to write at each of those commits.
DROP INDEX complaint_sender;
DROP INDEX raw_mail_sha256;
