package nas.pruners;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The brackets of Hyperband (Li et al., "Hyperband: A Novel Bandit-Based Approach to
 * Hyperparameter Optimization", JMLR 18, 2018) for a resource range [r, R] and reduction factor
 * η, and the deterministic assignment of trials to them.
 *
 * <p>There are {@code n = s_max + 1} brackets, {@code s_max} the largest s with
 * {@code r·η^s ≤ R} (Algorithm 1's ⌊log_η(R/r)⌋, computed exactly in integers). Bracket
 * {@code b} runs successive halving with early-stopping rate b. Its share of the trials is
 * proportional to the number of configurations Algorithm 1 starts in it,
 * {@code ⌈n·η^s / (s+1)⌉} with {@code s = n − 1 − b}, so the most aggressive bracket (b = 0)
 * gets the most trials. A trial goes to the bracket in which {@code CRC-32(studyName + "_" +
 * number) mod Σ budgets} falls, as Optuna does: the same study name gives the same assignment in
 * every process.
 */
final class HyperbandBrackets {

    private final long[] budgets;
    private final long total;

    HyperbandBrackets(long minResource, long maxResource, int eta) {
        int n = 1;
        long reach = minResource;
        while (reach <= maxResource / eta) {
            reach *= eta;
            n++;
        }
        budgets = new long[n];
        long sum = 0;
        for (int b = 0; b < n; b++) {
            int s = n - 1 - b;
            long configs = n * pow(eta, s);
            budgets[b] = (configs + s) / (s + 1); // ceiling division
            sum += budgets[b];
        }
        total = sum;
    }

    private static long pow(long base, int exp) {
        long out = 1;
        for (int i = 0; i < exp; i++) {
            out *= base;
        }
        return out;
    }

    int count() {
        return budgets.length;
    }

    long budget(int bracket) {
        return budgets[bracket];
    }

    /** The bracket of trial {@code number} in study {@code studyName}. */
    int bracketOf(String studyName, int number) {
        CRC32 crc = new CRC32();
        crc.update((studyName + "_" + number).getBytes(StandardCharsets.UTF_8));
        long x = crc.getValue() % total;
        for (int b = 0; b < budgets.length; b++) {
            x -= budgets[b];
            if (x < 0) {
                return b;
            }
        }
        throw new AssertionError("budgets sum to " + total);
    }
}
