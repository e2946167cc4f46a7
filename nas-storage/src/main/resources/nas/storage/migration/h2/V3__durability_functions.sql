-- NAS_FLUSH() writes every committed change to the file before it returns; NAS_JOURNAL(record)
-- appends a finished trial to the journal beside the file; NAS_RECOVER() replays what a crashed
-- process left there (nas.storage.H2Functions).
-- FORCE: a program without NAS on its class path can still open the file.
CREATE FORCE ALIAS IF NOT EXISTS NAS_FLUSH FOR 'nas.storage.H2Functions.flush';
CREATE FORCE ALIAS IF NOT EXISTS NAS_JOURNAL FOR 'nas.storage.H2Functions.journal';
CREATE FORCE ALIAS IF NOT EXISTS NAS_RECOVER FOR 'nas.storage.H2Functions.recover';
