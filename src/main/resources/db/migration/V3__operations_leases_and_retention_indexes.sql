-- Crash recovery and background work across instances: until when a row belongs to whoever holds it. For an
-- IN_PROGRESS idempotency record, the instance running the mutation (its write timeout plus a margin); for an
-- unsettled record or a pending webhook event, the reconciler or webhook worker that claimed it
-- (UPDATE ... WHERE ... FOR UPDATE SKIP LOCKED). NULL: nobody holds it.
ALTER TABLE idempotency_record ADD COLUMN lease_until TIMESTAMPTZ;
ALTER TABLE webhook_event ADD COLUMN lease_until TIMESTAMPTZ;

-- Retention pruning reads rows by age.
CREATE INDEX idempotency_record_updated ON idempotency_record (updated_at);
CREATE INDEX webhook_event_received ON webhook_event (received_at);
CREATE INDEX provider_snapshot_fetched ON provider_snapshot (fetched_at);
