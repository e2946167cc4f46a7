package nas.samplers.qmc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nas.api.FrozenTrial;
import nas.api.StudyView;
import nas.api.TrialState;
import nas.api.distribution.Distribution;
import nas.api.sampler.RandomSampler;
import nas.api.sampler.Sampler;

/**
 * Quasi-Monte Carlo sampling: trial {@code n} takes point {@code n} of a scrambled Sobol or
 * Halton sequence over the search space, so workers that share a study share one sequence
 * without coordination and the trials fill the space more evenly than random ones.
 *
 * <p>The search space is that of the study's first trial (trial 0, or the first complete trial
 * when trial 0 did not complete), as in Optuna: before it is known, and for parameters outside it,
 * values are sampled independently at random. Each coordinate in [0, 1) is mapped to a parameter
 * the way {@link RandomSampler#sample} maps a uniform number: log scales uniformly in log space,
 * steps, ints and categoricals by equal cells.
 */
public final class QmcSampler implements Sampler {

    private final QmcOptions options;

    /** A scrambled Sobol sampler with the study's seed ({@link QmcOptions#defaults()}). */
    public QmcSampler() {
        this(QmcOptions.defaults());
    }

    /**
     * A QMC sampler with these settings.
     *
     * @param options the settings
     * @throws IllegalArgumentException if {@code options} is null
     */
    public QmcSampler(QmcOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    /**
     * The settings this sampler runs with.
     *
     * @return the settings
     */
    public QmcOptions options() {
        return options;
    }

    private long seed(StudyView study) {
        return options.seed() != null ? options.seed() : study.seed();
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        List<FrozenTrial> complete = study.trials(TrialState.COMPLETE);
        if (complete.isEmpty()) {
            return Map.of();
        }
        Map<String, Distribution> space = new TreeMap<>(complete.get(0).distributions());
        space.values().removeIf(Distribution::isSingle);
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        QmcSequence seq = QmcSequence.of(options.kind(), searchSpace.size(), options.scramble(), seed(study));
        double[] u = new double[searchSpace.size()];
        seq.point(trial.number(), u);
        Map<String, Double> out = new LinkedHashMap<>();
        int d = 0;
        for (Map.Entry<String, Distribution> e : new TreeMap<>(searchSpace).entrySet()) {
            out.put(e.getKey(), RandomSampler.sample(e.getValue(), u[d++]));
        }
        return out;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return new RandomSampler(seed(study)).sampleIndependent(study, trial, name, distribution);
    }
}
