-- Idempotency keys are scoped to the caller (the authenticated subject), as payment APIs scope them to an
-- account: the same key sent by two subjects is two different requests, and one caller can neither replay
-- nor block another's request by guessing its key.
ALTER TABLE idempotency_record ADD COLUMN subject VARCHAR(200) NOT NULL DEFAULT '';
-- records written before: the subject the audit log recorded with the key, where there is one
UPDATE idempotency_record r SET subject = a.subject
  FROM (SELECT DISTINCT ON (idempotency_key) idempotency_key, subject FROM audit_log
        WHERE idempotency_key IS NOT NULL ORDER BY idempotency_key, at) a
 WHERE a.idempotency_key = r.idempotency_key;
ALTER TABLE idempotency_record ALTER COLUMN subject DROP DEFAULT;
ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record ADD PRIMARY KEY (subject, idempotency_key);
