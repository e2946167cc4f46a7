-- Reading trials back reads their parameters off this index alone: it holds every column the read needs,
-- in the order the parameters were suggested, so the database does not look each row up again in the table
-- (an export of 200,000 trials with 10 parameters each read 2,000,000 rows twice). The distribution of a
-- parameter comes from study_param_distributions, the same for every trial of a study.
CREATE INDEX IF NOT EXISTS trial_params_read ON trial_params (trial_id, param_seq, param_name, param_value);
