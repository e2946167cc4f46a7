package nas.sim.genetics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nas.sim.config.LabConfig;

/**
 * Adaptive mutation boost (spec 7.5; the reference's API path). After at least 2W generations of history
 * and at least W generations since the last change, compare the trimmed means (minimum and maximum dropped)
 * of the last two W-windows of per-generation best fitness: a gain of at least improvement_threshold halves
 * the boost (not below 1), no gain multiplies it by adaptive_mutation_boost (up to max_adaptive_boost).
 */
public final class AdaptiveMutation {

    private final boolean enabled;
    private final int window;
    private final double improvement;
    private final double factor;
    private final double maxBoost;
    private final List<Double> history = new ArrayList<>();
    private double boost = 1.0;
    private int sinceChange;

    /** What the boost depends on: every recorded generation best, the boost, generations since it changed. */
    public record State(List<Double> history, double boost, int sinceChange) {
        public State {
            history = List.copyOf(history);
        }
    }

    public AdaptiveMutation(LabConfig c) {
        this.enabled = c.useAdaptiveMutation();
        this.window = c.stagnationThreshold();
        this.improvement = c.improvementThreshold();
        this.factor = c.adaptiveMutationBoost();
        this.maxBoost = c.maxAdaptiveBoost();
    }

    /** The boost to apply when breeding the next generation (always 1 when disabled). */
    public double boost() {
        return boost;
    }

    /** The state now, for a checkpoint. */
    public State state() {
        return new State(history, boost, sinceChange);
    }

    /** Continues from {@code s} (a checkpoint of a run of the same configuration). */
    public void restore(State s) {
        history.clear();
        history.addAll(s.history());
        boost = s.boost();
        sinceChange = s.sinceChange();
    }

    /** Records one generation's best fitness and updates the boost. */
    public void record(double generationBest) {
        history.add(generationBest);
        sinceChange++;
        if (!enabled || history.size() < 2 * window || sinceChange < window) {
            return;
        }
        int n = history.size();
        double recent = trimmedMean(history.subList(n - window, n));
        double previous = trimmedMean(history.subList(n - 2 * window, n - window));
        double delta = recent - previous;
        double before = boost;
        if (delta >= improvement) {
            boost = Math.max(1.0, boost / 2.0);
        } else if (delta <= 0.0) {
            boost = Math.min(maxBoost, boost * factor);
        }
        if (boost != before) {
            sinceChange = 0;
        }
    }

    static double trimmedMean(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        if (v.length <= 2) {
            return Arrays.stream(v).average().orElse(0.0);
        }
        Arrays.sort(v);
        double s = 0.0;
        for (int i = 1; i < v.length - 1; i++) {
            s += v[i];
        }
        return s / (v.length - 2);
    }
}
