package nas.sim.objective;

import java.util.List;
import nas.sim.physics.EvaluationResult;

/**
 * Behavioural diversity of a population: the mean pairwise Euclidean distance between behaviour
 * descriptors (Lehman and Stanley's novelty-search notion of behaviour space). A creature's descriptor is
 * (final centre-of-mass x, final centre-of-mass z, pellets collected): where it ended up in the arena and
 * how much it ate, one unit of distance counting as much as one pellet. Disqualified creatures are left
 * out (their positions are meaningless). A population that all does the same thing scores 0; creatures
 * that spread over the arena and differ in pellets score high.
 */
public final class BehaviouralDiversity {

    private BehaviouralDiversity() {
    }

    /** Descriptor of one evaluated creature. */
    public static double[] descriptor(EvaluationResult r) {
        return new double[] {r.comX(), r.comZ(), r.pelletsCollected()};
    }

    /** Mean pairwise distance of the non-disqualified creatures' descriptors; 0 for fewer than 2. */
    public static double of(List<EvaluationResult> results) {
        double[][] d = results.stream().filter(r -> !r.disqualified()).map(BehaviouralDiversity::descriptor)
                .toArray(double[][]::new);
        return meanPairwiseDistance(d);
    }

    /** Mean Euclidean distance over all unordered pairs; 0 for fewer than 2 points. */
    public static double meanPairwiseDistance(double[][] points) {
        int n = points.length;
        if (n < 2) {
            return 0.0;
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0.0;
                for (int k = 0; k < points[i].length; k++) {
                    double diff = points[i][k] - points[j][k];
                    s += diff * diff;
                }
                sum += Math.sqrt(s);
            }
        }
        return sum / (n * (n - 1) / 2.0);
    }
}
