-- When a blob was last stored, found again by a pull, or loaded: the sweep of blobs no image uses
-- (those of a pull that failed half-way, say) spares blobs used within its grace period, so that a
-- retried pull still finds what the failed one completed.
ALTER TABLE blob ADD COLUMN touched_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX blob_touched_at ON blob (touched_at);
