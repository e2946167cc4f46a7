package nas.api.sampler;

import nas.api.FrozenTrial;
import nas.api.Seeds;
import nas.api.StudyView;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.Distribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;

/**
 * Independent uniform sampling. Each value is a pure function of (seed, trial number, parameter
 * name), so the same seed gives the same trial → parameters mapping with any number of workers or processes.
 * Log-scale parameters are uniform in log space; stepped and integer parameters are uniform over
 * their grid points.
 */
public final class RandomSampler implements Sampler {

    private final Long seed;

    /** Uses the study's seed. */
    public RandomSampler() {
        this.seed = null;
    }

    /**
     * Uniform sampling whose values derive from {@code seed}, the trial number and the parameter name.
     *
     * @param seed the seed
     */
    public RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        long s = seed != null ? seed : study.seed();
        double u = Seeds.uniform(s, trial.number(), Seeds.hash(name));
        return sample(distribution, u);
    }

    /**
     * Maps a uniform {@code u} in [0, 1) to an internal value of {@code d}.
     *
     * @param d the distribution
     * @param u a uniform value in [0, 1)
     * @return the internal value
     */
    public static double sample(Distribution d, double u) {
        if (d instanceof FloatDistribution f) {
            if (f.log()) {
                double lo = Math.log(f.low());
                double hi = Math.log(f.high());
                return Math.min(f.high(), Math.max(f.low(), Math.exp(lo + u * (hi - lo))));
            }
            if (f.hasStep()) {
                long points = Math.round((f.high() - f.low()) / f.step()) + 1;
                return f.snap(f.low() + Math.min(points - 1, (long) (u * points)) * f.step());
            }
            return f.low() + u * (f.high() - f.low());
        }
        if (d instanceof IntDistribution i) {
            if (i.log()) {
                // uniform in log space over [low - 1/2, high + 1/2], then rounded
                double lo = Math.log(i.low() - 0.5);
                double hi = Math.log(i.high() + 0.5);
                return i.snap(Math.exp(lo + u * (hi - lo)));
            }
            long points = (i.high() - i.low()) / i.step() + 1;
            return i.low() + Math.min(points - 1, (long) (u * points)) * i.step();
        }
        int n = ((CategoricalDistribution) d).choices().size();
        return Math.min(n - 1, (int) (u * n));
    }
}
