-- Studies, trials and their parts, after Optuna's relational layout.
CREATE TABLE IF NOT EXISTS studies (
    study_id          BIGSERIAL PRIMARY KEY,
    study_name        VARCHAR(512) NOT NULL UNIQUE,
    next_trial_number INT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS study_directions (
    study_id  BIGINT NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
    objective INT NOT NULL,
    direction VARCHAR(8) NOT NULL,
    PRIMARY KEY (study_id, objective)
);
CREATE TABLE IF NOT EXISTS study_user_attributes (
    study_id   BIGINT NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
    attr_key   VARCHAR(512) NOT NULL,
    value_json TEXT NOT NULL,
    PRIMARY KEY (study_id, attr_key)
);
CREATE TABLE IF NOT EXISTS study_system_attributes (
    study_id   BIGINT NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
    attr_key   VARCHAR(512) NOT NULL,
    value_json TEXT NOT NULL,
    PRIMARY KEY (study_id, attr_key)
);
-- One distribution per parameter name and study; the primary key settles races between workers.
CREATE TABLE IF NOT EXISTS study_param_distributions (
    study_id          BIGINT NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
    param_name        VARCHAR(512) NOT NULL,
    distribution_json TEXT NOT NULL,
    PRIMARY KEY (study_id, param_name)
);
CREATE TABLE IF NOT EXISTS trials (
    trial_id          BIGSERIAL PRIMARY KEY,
    study_id          BIGINT NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
    trial_number      INT NOT NULL,
    state             VARCHAR(8) NOT NULL,
    datetime_start    TIMESTAMP WITH TIME ZONE,
    datetime_complete TIMESTAMP WITH TIME ZONE,
    UNIQUE (study_id, trial_number)
);
CREATE INDEX IF NOT EXISTS trials_study_state ON trials (study_id, state);
CREATE TABLE IF NOT EXISTS trial_params (
    trial_id          BIGINT NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
    param_name        VARCHAR(512) NOT NULL,
    param_value       DOUBLE PRECISION NOT NULL,
    distribution_json TEXT NOT NULL,
    PRIMARY KEY (trial_id, param_name)
);
CREATE TABLE IF NOT EXISTS trial_values (
    trial_id  BIGINT NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
    objective       INT NOT NULL,
    objective_value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (trial_id, objective)
);
CREATE TABLE IF NOT EXISTS trial_intermediate_values (
    trial_id BIGINT NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
    step               INT NOT NULL,
    intermediate_value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (trial_id, step)
);
CREATE TABLE IF NOT EXISTS trial_user_attributes (
    trial_id   BIGINT NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
    attr_key   VARCHAR(512) NOT NULL,
    value_json TEXT NOT NULL,
    PRIMARY KEY (trial_id, attr_key)
);
CREATE TABLE IF NOT EXISTS trial_system_attributes (
    trial_id   BIGINT NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
    attr_key   VARCHAR(512) NOT NULL,
    value_json TEXT NOT NULL,
    PRIMARY KEY (trial_id, attr_key)
);
-- Epoch milliseconds of the last sign of life of a RUNNING trial.
CREATE TABLE IF NOT EXISTS trial_heartbeats (
    trial_id     BIGINT NOT NULL PRIMARY KEY REFERENCES trials (trial_id) ON DELETE CASCADE,
    heartbeat_ms BIGINT NOT NULL
);
