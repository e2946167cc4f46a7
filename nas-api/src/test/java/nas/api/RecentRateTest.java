package nas.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class RecentRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRateFollowsASlowdown() {
        RecentRate rate = new RecentRate(0);
        long t = 0;
        for (int i = 0; i < 1000; i++) { // 1,000 trials at 100/s
            t += SECOND / 100;
            rate.record(t);
        }
        assertThat(rate.perSecond(t)).isCloseTo(100, offset(1e-6));
        for (int i = 0; i < 100; i++) { // then 100 at 5/s
            t += SECOND / 5;
            rate.record(t);
        }
        // the mean since the start would say 1,100 trials / 30 s = 36.7/s
        assertThat(rate.perSecond(t)).isCloseTo(5, offset(1e-6));
        // a stall shows too: 10 s more without a finish
        assertThat(rate.perSecond(t + 10 * SECOND)).isCloseTo(49 / (49 / 5.0 + 10), offset(1e-9));
    }

    @Test
    void beforeTheWindowIsFullItIsTheMeanSinceTheStart() {
        RecentRate rate = new RecentRate(2 * SECOND);
        assertThat(rate.perSecond(3 * SECOND)).isZero();
        rate.record(3 * SECOND);
        rate.record(4 * SECOND);
        assertThat(rate.perSecond(6 * SECOND)).isCloseTo(0.5, offset(1e-12));
    }
}
