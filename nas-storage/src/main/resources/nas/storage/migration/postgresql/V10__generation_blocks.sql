-- A generation of an evolution run in one row: its creatures (each with the genome it was bred with, when stored
-- there) and its recorded frames, each a binary block (GenerationBlocks: magic, format version, generation,
-- entries, CRC-32). One row per generation costs the database a fraction of a row per creature, genome and
-- recording. Runs stored before keep their rows in evolution_creatures, evolution_genomes and evolution_frames
-- and read from there; a run resumed from such rows stores its new generations here, and a survivor's genome
-- is found in whichever layout it was stored. frames is NULL when the generation has no recordings here.
CREATE TABLE IF NOT EXISTS evolution_generation_blocks (
    run_id     VARCHAR(200) NOT NULL REFERENCES evolution_runs (run_id) ON DELETE CASCADE,
    generation INT NOT NULL,
    creatures  BYTEA NOT NULL,
    frames     BYTEA,
    PRIMARY KEY (run_id, generation)
);
