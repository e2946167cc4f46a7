package nas.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code scripts/bench.sh Cma single}: the per-run cells that cmaes_reference.py --compare reads. */
class CmaSingleRunsTest {

    private static String single(int lambda, double sigma0, int runs, int first, long cap) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            CmaBenchmark.single(lambda, sigma0, runs, first, cap);
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cellsAreWholeGenerationsWithinTheCapAndTheSummaryCountsThem() {
        int lambda = 20;
        long cap = 4_000; // below the ~5,300 evaluations a lambda-20 run takes to meet TolFun: some runs hit it
        String text = single(lambda, 10.0 / 6, 6, 1, cap);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        List<String[]> cells = Arrays.stream(lines[2].split(":", 2)[1].trim().split(" "))
                .map(c -> c.split("/")).toList();
        assertThat(cells).hasSize(6);
        int belowOne = 0;
        int target = 0;
        int capped = 0;
        for (String[] c : cells) {
            long evaluations = Long.parseLong(c[2]);
            assertThat(evaluations % lambda).isZero();
            assertThat(evaluations).isLessThanOrEqualTo(cap);
            if (c[3].equals("cap")) {
                capped++;
                assertThat(evaluations + lambda).isGreaterThan(cap); // the next generation would not fit
            }
            if (!c[0].equals("-")) {
                belowOne++;
                assertThat(Long.parseLong(c[0])).isBetween(1L, evaluations);
                assertThat(Double.parseDouble(c[4])).isLessThan(1.0);
            }
            if (!c[1].equals("-")) {
                target++;
                assertThat(c[3]).isEqualTo("target");
            }
        }
        assertThat(capped).isPositive();
        assertThat(lines[1]).startsWith("  reached f < 1 in " + belowOne + " of 6, 1e-8 in " + target + ";")
                .contains("cap " + capped);
    }

    @Test
    void sameSeedsSameRunsOtherSeedsOtherRuns() {
        String a = single(10, 0.5, 3, 1, 20_000);
        assertThat(single(10, 0.5, 3, 1, 20_000)).isEqualTo(a);
        assertThat(single(10, 0.5, 3, 4, 20_000).split("\n")[2]).isNotEqualTo(a.split("\n")[2]);
        assertThat(a.split("\n")[1]).contains("TOL_FUN"); // a small-sigma run on Rastrigin stops by TolFun
    }
}
