-- Each genome of an evolution run is stored once: a survivor passes its genome on unchanged, so its creature
-- row refers to the genome stored when it was bred (genome_id = generation * 2^32 + index of that creature)
-- instead of repeating it. Creatures also keep their parents (indices in the generation before) and how many
-- generations they survived. Rows from before this version keep their genome inline (genome_id NULL).
CREATE TABLE IF NOT EXISTS evolution_genomes (
    run_id    VARCHAR(200) NOT NULL REFERENCES evolution_runs (run_id) ON DELETE CASCADE,
    genome_id BIGINT NOT NULL,
    genome    VARBINARY(1000000) NOT NULL,
    PRIMARY KEY (run_id, genome_id)
);
ALTER TABLE evolution_creatures ADD COLUMN IF NOT EXISTS genome_id BIGINT;
ALTER TABLE evolution_creatures ADD COLUMN IF NOT EXISTS parent_1 INT;
ALTER TABLE evolution_creatures ADD COLUMN IF NOT EXISTS parent_2 INT;
ALTER TABLE evolution_creatures ADD COLUMN IF NOT EXISTS survival_streak INT DEFAULT 0 NOT NULL;
ALTER TABLE evolution_creatures ALTER COLUMN genome SET NULL;
