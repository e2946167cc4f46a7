-- The trial journal and its functions are gone: one process owns an H2 file and makes each write
-- durable with a group commit (plain CHECKPOINT), so NAS_FLUSH, NAS_JOURNAL and NAS_RECOVER (V3)
-- are dropped. IF EXISTS: a file made before V3, or cleaned by hand, has none.
DROP ALIAS IF EXISTS NAS_FLUSH;
DROP ALIAS IF EXISTS NAS_JOURNAL;
DROP ALIAS IF EXISTS NAS_RECOVER;
