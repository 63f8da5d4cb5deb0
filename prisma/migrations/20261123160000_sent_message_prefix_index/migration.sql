-- Hand-written: job cards of a dispatch are found by purpose-key prefix ("card.<dispatch>.")
-- on every take, release, escalation and cancel. Under a non-"C" collation (C.UTF-8 here) the
-- unique index cannot serve LIKE 'prefix%', so that lookup scanned the whole table.
CREATE INDEX "sent_message_purposeKey_prefix_idx" ON "sent_message" ("purposeKey" text_pattern_ops);
