package nas.samplers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import nas.api.FrozenTrial;
import nas.api.StudyDirection;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.sampler.Sampler;
import nas.samplers.gp.GpOptions;
import nas.samplers.gp.GpSampler;
import nas.samplers.nsga2.Nsga2Options;
import nas.samplers.nsga2.Nsga2Sampler;
import nas.samplers.tpe.TpeOptions;
import nas.samplers.tpe.TpeSampler;

/**
 * Chooses a sampler for each trial from the study itself, by the rule of Optuna's AutoSampler:
 * <ul>
 *   <li>several objectives: multi-objective {@link TpeSampler} (MOTPE) while fewer than
 *       {@code budget} trials are complete, then {@link Nsga2Sampler}, whose parents are the
 *       survivors of all trials so far, MOTPE's included (from the next generation block on; trials
 *       sampled by NSGA-II within the block the switch falls in are random);</li>
 *   <li>one objective, and a categorical parameter or a conditional space (finished trials with
 *       different parameter names): multivariate {@link TpeSampler};</li>
 *   <li>one objective over numeric parameters only: {@link GpSampler} while fewer than
 *       {@code budget} trials are complete (250 by default), multivariate TPE after that.</li>
 * </ul>
 * Optuna turns to a warm-started CMA-ES after the GP's budget; NAS turns to multivariate TPE, which
 * models every trial so far without a warm start and, unlike CMA-ES, gives the same trials for the
 * same seed with any number of worker threads.
 *
 * <p>The choice is made in {@link #beforeTrial} from the finished trials the sampler sees and kept
 * in the trial's system attribute {@value #CHOICE_KEY}, so every call of one trial goes to the same
 * sampler and {@code nas trials} can tell which sampled what. The rule only moves forward as
 * trials accumulate, and its inputs are the trials, so the same seed gives the same choices. The
 * samplers it delegates to share its seed (the study's, by default).
 */
public final class AutoSampler implements Sampler {

    /** Trial system attribute naming the sampler that sampled the trial ("gp", "tpe" or "nsga2"). */
    public static final String CHOICE_KEY = "auto:sampler";

    /**
     * Complete trials after which a numeric single-objective study turns from the GP to TPE, and a
     * multi-objective one from TPE to NSGA-II.
     */
    public static final int DEFAULT_BUDGET = 250;

    private static final System.Logger LOG = System.getLogger(AutoSampler.class.getName());

    /** The samplers the rule chooses among. */
    public enum Choice {
        /** {@link GpSampler}: one objective over numeric parameters, while fewer than budget trials are complete. */
        GP("gp"),
        /**
         * {@link TpeSampler}: multivariate TPE for one objective past the budget or over a categorical or
         * conditional space; MOTPE for several objectives before the budget.
         */
        TPE("tpe"),
        /** {@link Nsga2Sampler}: several objectives once budget trials are complete. */
        NSGA2("nsga2");

        private final String key;

        Choice(String key) {
            this.key = key;
        }

        /** The name stored in {@value AutoSampler#CHOICE_KEY} and accepted by {@code --sampler}. */
        public String key() {
            return key;
        }
    }

    private final int budget;
    private final GpSampler gp;
    private final TpeSampler tpe;
    private final Nsga2Sampler nsga2;
    /** For the log only: the last choice announced, so a change is logged once. */
    private final AtomicReference<Choice> announced = new AtomicReference<>();

    /** The study's seed and the default GP budget. */
    public AutoSampler() {
        this(null, DEFAULT_BUDGET);
    }

    /**
     * @param seed     seed of every sampler chosen, or null for the study's seed
     * @param budget complete trials after which a study turns from the sampler that learns most
     *               from few trials (GP; TPE for several objectives) to the one that scales (TPE;
     *               NSGA-II), &gt;= 0
     */
    public AutoSampler(Long seed, int budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0, but got " + budget);
        }
        this.budget = budget;
        this.gp = new GpSampler(seed == null ? GpOptions.defaults().withStudySeed() : GpOptions.defaults().withSeed(seed));
        TpeOptions tpeOptions = TpeOptions.defaults().withMultivariate(true).withConstantLiar(true);
        Nsga2Options nsga2Options = Nsga2Options.defaults();
        this.tpe = new TpeSampler(seed == null ? tpeOptions.withStudySeed() : tpeOptions.withSeed(seed));
        this.nsga2 = new Nsga2Sampler(seed == null ? nsga2Options.withStudySeed() : nsga2Options.withSeed(seed));
    }

    /** Complete trials after which the GP gives way to TPE, or TPE to NSGA-II for several objectives. */
    public int budget() {
        return budget;
    }

    /**
     * The rule: the sampler for the next trial of a study with {@code directions} whose finished
     * (complete and pruned) trials are {@code finished}.
     */
    public static Choice choose(List<StudyDirection> directions, Collection<FrozenTrial> finished, int budget) {
        Set<String> names = null;
        int complete = 0;
        for (FrozenTrial t : finished) {
            if (names == null) {
                names = t.distributions().keySet();
            } else if (!names.equals(t.distributions().keySet())) {
                return Choice.TPE; // a conditional space
            }
            if (directions.size() == 1 && hasCategorical(t.distributions())) {
                return Choice.TPE;
            }
            if (t.state() == TrialState.COMPLETE) {
                complete++;
            }
        }
        if (directions.size() > 1) {
            return complete < budget ? Choice.TPE : Choice.NSGA2;
        }
        return complete < budget ? Choice.GP : Choice.TPE;
    }

    /**
     * What the rule will do for a study with {@code directions} over {@code space} (empty when not
     * known in advance), which already holds {@code complete} complete trials and is to run
     * {@code trials} more (0 when not limited): one line for people, such as "gp (one objective,
     * 5 numeric parameters); tpe, multivariate, after 250 complete trials".
     */
    public String plan(List<StudyDirection> directions, Map<String, Distribution> space, int complete, int trials) {
        if (directions.size() > 1) {
            String objectives = directions.size() + " objectives";
            if (complete >= budget) {
                return "nsga2 (" + objectives + ", " + complete + " complete trials)";
            }
            return "tpe, multi-objective (" + objectives + ")"
                    + (trials > 0 && complete + trials <= budget ? "" : "; nsga2 after " + budget + " complete trials");
        }
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            if (e.getValue() instanceof CategoricalDistribution) {
                return "tpe, multivariate (categorical parameter '" + e.getKey() + "')";
            }
        }
        if (complete >= budget) {
            return "tpe, multivariate (" + complete + " complete trials, past the GP's budget of " + budget + ")";
        }
        String gpLine = "gp (one objective, " + (space.isEmpty() ? "numeric parameters"
                : space.size() + " numeric parameter" + (space.size() == 1 ? "" : "s")) + ")";
        String then = "; tpe, multivariate, after " + budget + " complete trials";
        String conditional = space.isEmpty() ? "; tpe, multivariate, if a categorical or conditional parameter appears" : "";
        if (trials > 0 && complete + trials <= budget) {
            return gpLine + conditional;
        }
        return gpLine + then + conditional;
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        Choice choice = choose(study.directions(), study.trials(TrialState.COMPLETE, TrialState.PRUNED), budget);
        study.setTrialSystemAttr(trial.id(), CHOICE_KEY, choice.key());
        if (announced.getAndSet(choice) != choice) {
            LOG.log(System.Logger.Level.INFO, "[{0}] sampler auto: {1} from trial {2}",
                    study.name(), choice.key(), trial.number());
        }
        sampler(choice).beforeTrial(study, trial);
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        return delegate(study, trial).inferRelativeSearchSpace(study, trial);
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        return delegate(study, trial).sampleRelative(study, trial, searchSpace);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return delegate(study, trial).sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        Sampler delegate = delegate(study, trial);
        delegate.afterTrial(study, trial, state, values);
        if (delegate != nsga2 && study.isMultiObjective()) {
            // NSGA-II breeds from every trial of the previous generation's block, MOTPE's too
            nsga2.afterTrial(study, trial, state, values);
        }
    }

    /** The sampler {@link #beforeTrial} chose for {@code trial} (chosen now for a trial it did not begin). */
    private Sampler delegate(StudyView study, FrozenTrial trial) {
        Object key = trial.systemAttrs().get(CHOICE_KEY);
        for (Choice c : Choice.values()) {
            if (c.key().equals(key)) {
                return sampler(c);
            }
        }
        // a trial begun elsewhere (by another sampler, then told here)
        return sampler(choose(study.directions(), study.trials(TrialState.COMPLETE, TrialState.PRUNED), budget));
    }

    private Sampler sampler(Choice choice) {
        return switch (choice) {
            case GP -> gp;
            case TPE -> tpe;
            case NSGA2 -> nsga2;
        };
    }

    private static boolean hasCategorical(Map<String, Distribution> distributions) {
        for (Distribution d : distributions.values()) {
            if (d instanceof CategoricalDistribution) {
                return true;
            }
        }
        return false;
    }
}
