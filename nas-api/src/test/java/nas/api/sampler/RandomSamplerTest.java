package nas.api.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import nas.api.Seeds;
import nas.api.distribution.CategoricalDistribution;
import nas.api.distribution.FloatDistribution;
import nas.api.distribution.IntDistribution;
import org.junit.jupiter.api.Test;

/** The mapping of uniform draws to each distribution, checked by statistics over 100,000 draws. */
class RandomSamplerTest {

    private static final int N = 100_000;

    private static double u(int i) {
        return Seeds.uniform(12345, i);
    }

    @Test
    void uniformFloatHasTheMeanAndVarianceOfU() {
        FloatDistribution d = FloatDistribution.of(-2, 6);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < N; i++) {
            double v = RandomSampler.sample(d, u(i));
            assertThat(d.contains(v)).isTrue();
            sum += v;
            sq += v * v;
        }
        double mean = sum / N;
        double var = sq / N - mean * mean;
        assertThat(mean).isCloseTo(2, offset(0.05)); // sd of the mean = 8/sqrt(12 N) = 0.0073
        assertThat(var).isCloseTo(64 / 12.0, offset(0.1));
    }

    @Test
    void logFloatIsUniformInLogSpace() {
        FloatDistribution d = FloatDistribution.logOf(1e-3, 1e3);
        int perDecade[] = new int[6];
        for (int i = 0; i < N; i++) {
            double v = RandomSampler.sample(d, u(i));
            perDecade[Math.min(5, (int) Math.floor(Math.log10(v) + 3))]++;
        }
        for (int c : perDecade) {
            assertThat(c).isBetween(N / 6 - 800, N / 6 + 800); // binomial sd ≈ 118
        }
    }

    @Test
    void intsAndStepsAndCategoriesAreEquallyLikely() {
        int[] ints = new int[5];
        int[] steps = new int[3];
        int[] cats = new int[4];
        IntDistribution i5 = IntDistribution.of(1, 5);
        FloatDistribution s3 = FloatDistribution.stepOf(0, 1, 0.5);
        CategoricalDistribution c4 = CategoricalDistribution.of("a", "b", "c", "d");
        for (int i = 0; i < N; i++) {
            ints[(int) RandomSampler.sample(i5, u(i)) - 1]++;
            steps[(int) Math.round(RandomSampler.sample(s3, u(i)) * 2)]++;
            cats[(int) RandomSampler.sample(c4, u(i))]++;
        }
        for (int c : ints) {
            assertThat(c).isBetween(N / 5 - 800, N / 5 + 800);
        }
        for (int c : steps) {
            assertThat(c).isBetween(N / 3 - 800, N / 3 + 800);
        }
        for (int c : cats) {
            assertThat(c).isBetween(N / 4 - 800, N / 4 + 800);
        }
    }

    @Test
    void logIntCoversItsRangeWithLowValuesMoreLikely() {
        IntDistribution d = IntDistribution.logOf(1, 100);
        int ones = 0;
        int hundreds = 0;
        for (int i = 0; i < N; i++) {
            long v = (long) RandomSampler.sample(d, u(i));
            assertThat(v).isBetween(1L, 100L);
            ones += v == 1 ? 1 : 0;
            hundreds += v == 100 ? 1 : 0;
        }
        // P(1) = ln(1.5/0.5)/ln(100.5/0.5) = 0.2073; P(100) = ln(100.5/99.5)/ln(201) = 0.00189
        assertThat(ones / (double) N).isCloseTo(0.2073, offset(0.006));
        assertThat(hundreds / (double) N).isCloseTo(0.00189, offset(0.0007));
    }
}
