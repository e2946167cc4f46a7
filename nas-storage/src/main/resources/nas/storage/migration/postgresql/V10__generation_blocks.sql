-- A generation's creatures of an evolution run as one binary block (GenerationBlocks: magic, format version,
-- generation, per creature what evolution_creatures kept and the genome it was bred with when stored there,
-- CRC-32), in rows of at most 32 KB (part 0, 1, ...: a generation of population 200 takes 9). A few rows per
-- generation cost the database a fraction of a row per creature and per genome. Frames keep a row per recording
-- (evolution_frames): they are read one creature at a time. Runs stored before keep their rows in
-- evolution_creatures and evolution_genomes and read from there; a run resumed from such rows stores its new
-- generations here, and a survivor's genome is found in whichever layout it was stored.
CREATE TABLE IF NOT EXISTS evolution_generation_blocks (
    run_id     VARCHAR(200) NOT NULL REFERENCES evolution_runs (run_id) ON DELETE CASCADE,
    generation INT NOT NULL,
    part       INT NOT NULL,
    creatures  BYTEA NOT NULL,
    PRIMARY KEY (run_id, generation, part)
);
