-- The process writing a run: its host and pid (for messages), its lease (a random number only it knows: every
-- write of the run checks it, so that two processes never write one run) and its last heartbeat, by the
-- database's clock. A process that ends gives the lease up (NULL) and leaves host, pid and heartbeat as they were.
ALTER TABLE evolution_runs ADD COLUMN IF NOT EXISTS owner_host VARCHAR(255);
ALTER TABLE evolution_runs ADD COLUMN IF NOT EXISTS owner_pid BIGINT;
ALTER TABLE evolution_runs ADD COLUMN IF NOT EXISTS owner_lease BIGINT;
ALTER TABLE evolution_runs ADD COLUMN IF NOT EXISTS heartbeat_at TIMESTAMP WITH TIME ZONE;
