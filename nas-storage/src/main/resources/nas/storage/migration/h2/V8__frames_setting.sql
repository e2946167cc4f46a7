-- A run's frames setting holds the counts of a selection other than the plan's (selective:TOP,RANDOM,BOTTOM,
-- e.g. selective:4,0,0), longer than the 16 characters none, selective and all needed.
ALTER TABLE evolution_runs ALTER COLUMN frames_mode SET DATA TYPE VARCHAR(64);
