-- Evolution runs (nas evolve): one row per run, its generations' statistics, every evaluated
-- creature (genome as deflated JSON), recorded frames of chosen creatures (compressed), and
-- checkpoints of the whole evolutionary state (deflated JSON) to resume from.
CREATE TABLE IF NOT EXISTS evolution_runs (
    run_id             VARCHAR(200) PRIMARY KEY,
    config_name        VARCHAR(200) NOT NULL,
    config_json        CLOB NOT NULL,
    seed               BIGINT NOT NULL,
    target_generations INT NOT NULL,
    frames_mode        VARCHAR(16) NOT NULL,
    frame_rate         INT NOT NULL,
    checkpoint_every   INT NOT NULL,
    code_version       VARCHAR(200) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    generations_done   INT NOT NULL DEFAULT 0,
    best_fitness       DOUBLE PRECISION,
    best_generation    INT,
    seconds            DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS evolution_generations (
    run_id         VARCHAR(200) NOT NULL REFERENCES evolution_runs (run_id) ON DELETE CASCADE,
    generation     INT NOT NULL,
    best_fitness   DOUBLE PRECISION NOT NULL,
    mean_fitness   DOUBLE PRECISION NOT NULL,
    median_fitness DOUBLE PRECISION NOT NULL,
    worst_fitness  DOUBLE PRECISION NOT NULL,
    best_ever      DOUBLE PRECISION NOT NULL,
    pellets        INT NOT NULL,
    species        INT,
    creature_types VARCHAR(4000) NOT NULL,
    diversity      DOUBLE PRECISION NOT NULL,
    seconds        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, generation)
);
CREATE TABLE IF NOT EXISTS evolution_creatures (
    run_id         VARCHAR(200) NOT NULL REFERENCES evolution_runs (run_id) ON DELETE CASCADE,
    generation     INT NOT NULL,
    creature_index INT NOT NULL,
    fitness        DOUBLE PRECISION NOT NULL,
    pellets        INT NOT NULL,
    distance       DOUBLE PRECISION NOT NULL,
    disqualified   BOOLEAN NOT NULL,
    pellet_seed    BIGINT NOT NULL,
    nodes          INT NOT NULL,
    muscles        INT NOT NULL,
    genome         VARBINARY(1000000) NOT NULL,
    PRIMARY KEY (run_id, generation, creature_index)
);
CREATE TABLE IF NOT EXISTS evolution_frames (
    run_id         VARCHAR(200) NOT NULL REFERENCES evolution_runs (run_id) ON DELETE CASCADE,
    generation     INT NOT NULL,
    creature_index INT NOT NULL,
    frames         BLOB NOT NULL,
    PRIMARY KEY (run_id, generation, creature_index)
);
CREATE TABLE IF NOT EXISTS evolution_checkpoints (
    run_id     VARCHAR(200) NOT NULL REFERENCES evolution_runs (run_id) ON DELETE CASCADE,
    generation INT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    state      BLOB NOT NULL,
    PRIMARY KEY (run_id, generation)
);
