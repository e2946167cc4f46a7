-- Parameters are read back in the order they were suggested, which the key (trial, name) does not keep.
ALTER TABLE trial_params ADD COLUMN IF NOT EXISTS param_seq BIGSERIAL;
