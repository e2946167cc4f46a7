package nas.cli;

import nas.sim.evolution.FramesSetting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nas.sim.evolution.FrameSelection;
import nas.sim.evolution.Streams;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The frames setting: what the options make of it, how a run stores it, and which creatures it chooses. */
class FramesSettingTest {

    /** Fitness of ten creatures; by rank (best first) they are 1, 5, 3, 7, 0, 8, 4, 6, 2, 9. */
    private static final double[] FITNESS = {5, 9, 1, 7, 3, 8, 2, 6, 4, 0};

    private static FramesOptions options(String... args) {
        FramesOptions o = new FramesOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void theOptionsMakeTheSettingAndItsStoredKey() {
        assertThat(options().setting()).isEqualTo(FramesSetting.PLAN);
        assertThat(options().setting().key()).isEqualTo("selective");
        assertThat(options().rate()).isEqualTo(15);
        assertThat(options().given()).isFalse();
        // the plan's counts given explicitly are the plan: stored as every run before counts existed
        assertThat(options("--frame-top", "10", "--frame-random", "10", "--frame-bottom", "5").setting().key())
                .isEqualTo("selective");
        FramesOptions four = options("--frame-top", "4", "--frame-random", "0", "--frame-bottom", "0", "--frame-rate", "5");
        assertThat(four.given()).isTrue();
        assertThat(four.setting()).isEqualTo(FramesSetting.selective(4, 0, 0));
        assertThat(four.setting().key()).isEqualTo("selective:4,0,0");
        assertThat(four.rate()).isEqualTo(5);
        assertThat(four.args()).containsExactly("--frame-top", "4", "--frame-random", "0", "--frame-bottom", "0",
                "--frame-rate", "5");
        // counts left out keep the plan's
        assertThat(options("--frame-random", "2").setting().key()).isEqualTo("selective:10,2,5");
        assertThat(options("--frames", "none").setting()).isEqualTo(FramesSetting.NONE);
        assertThat(options("--frames", "ALL").setting().key()).isEqualTo("all");
    }

    @Test
    void badOptionsAreRefusedWithOneMessage() {
        assertBad(options("--frames", "some"), "--frames must be none, selective or all, but got 'some'");
        assertBad(options("--frame-top", "-1", "--frame-random", "0"),
                "--frame-top, --frame-random and --frame-bottom must be >= 0, but got -1, 0 and 5");
        assertBad(options("--frame-top", "0", "--frame-random", "0", "--frame-bottom", "0"),
                "are all 0: no creature would get frames; for that, say --frames none");
        assertBad(options("--frames", "all", "--frame-top", "3"),
                "choose the creatures of --frames selective; --frames all records every creature");
        assertBad(options("--frames", "none", "--frame-bottom", "3"), "--frames none records none");
        FramesOptions rate = options("--frame-rate", "0");
        assertThatThrownBy(rate::rate).isInstanceOf(Nas.BadInputException.class)
                .hasMessage("--frame-rate must be >= 1, but got 0");
    }

    @Test
    void storedKeysReadBackAndUnknownOnesAreRefused() {
        for (FramesSetting s : new FramesSetting[] {FramesSetting.NONE, FramesSetting.ALL, FramesSetting.PLAN,
            FramesSetting.selective(4, 0, 0), FramesSetting.selective(0, 7, 1),
            FramesSetting.selective(Integer.MAX_VALUE, 0, 3)}) {
            assertThat(FramesSetting.parse(s.key())).isEqualTo(s);
        }
        assertThat(FramesSetting.describe("selective")).isEqualTo("selective: top 10, random 10, bottom 5");
        assertThat(FramesSetting.describe("selective:4,0,0")).isEqualTo("selective: top 4, random 0, bottom 0");
        assertThat(FramesSetting.describe("none")).isEqualTo("none");
        // with the rate, as listings show a run's frames; none records no frames, at no rate
        assertThat(FramesSetting.describe("selective:3,2,1", 15)).isEqualTo("selective: top 3, random 2, bottom 1, 15 fps");
        assertThat(FramesSetting.describe("selective", 5)).isEqualTo("selective: top 10, random 10, bottom 5, 5 fps");
        assertThat(FramesSetting.describe("all", 30)).isEqualTo("all, 30 fps");
        assertThat(FramesSetting.describe("none", 15)).isEqualTo("none");
        // why a creature of rank r among 200 has frames: the plan's 10 best, 5 worst, random ones between
        assertThat(FramesSetting.PLAN.kind(10, 200)).isEqualTo("top");
        assertThat(FramesSetting.PLAN.kind(11, 200)).isEqualTo("random");
        assertThat(FramesSetting.PLAN.kind(196, 200)).isEqualTo("bottom");
        assertThat(FramesSetting.PLAN.kind(195, 200)).isEqualTo("random");
        assertThat(FramesSetting.ALL.kind(1, 200)).isEqualTo("all");
        assertThat(FramesSetting.NONE.kind(1, 200)).isNull();
        // a key from a later version is shown as it is, and refused where it would be used
        assertThat(FramesSetting.describe("selective:1,2")).isEqualTo("selective:1,2");
        assertThat(FramesSetting.describe("selective:1,2", 15)).isEqualTo("selective:1,2, 15 fps");
        for (String bad : new String[] {"selective:1,2", "selective:1,2,-3", "selective:9999999999,0,0", "some"}) {
            assertThatThrownBy(() -> FramesSetting.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown frames setting '" + bad + "': this version knows none, all, selective and "
                            + "selective:TOP,RANDOM,BOTTOM");
        }
    }

    @Test
    void theSelectionTakesTheBestAndTheWorstByRankAndRandomOnesBetween() {
        // no random ones: exactly the 2 best (creatures 1 and 5) and the worst (creature 9), in index order
        assertThat(FramesSetting.selective(2, 0, 1).chosen(FITNESS, 42, 0)).containsExactly(1, 5, 9);
        assertThat(FramesSetting.selective(4, 0, 0).chosen(FITNESS, 42, 7)).containsExactly(1, 3, 5, 7);
        assertThat(FramesSetting.selective(0, 0, 3).chosen(FITNESS, 42, 7)).containsExactly(2, 6, 9);
        // random ones come from ranks 3..9 (creatures 3, 7, 0, 8, 4, 6, 2), never the best two or the worst
        Set<Integer> middle = Set.of(3, 7, 0, 8, 4, 6, 2);
        Set<Integer> drawn = new HashSet<>();
        for (int g = 0; g < 50; g++) {
            int[] chosen = FramesSetting.selective(2, 2, 1).chosen(FITNESS, 42, g);
            assertThat(chosen).hasSize(5).contains(1, 5, 9).isSorted();
            int[] random = Arrays.stream(chosen).filter(i -> i != 1 && i != 5 && i != 9).toArray();
            assertThat(random).hasSize(2);
            assertThat(middle).contains(random[0], random[1]);
            Arrays.stream(random).forEach(drawn::add);
            // the same run seed and generation choose the same creatures (so a resumed run records the same)
            assertThat(FramesSetting.selective(2, 2, 1).chosen(FITNESS, 42, g)).containsExactly(chosen);
        }
        // over 50 generations every creature of the middle is drawn at some point
        assertThat(drawn).isEqualTo(middle);
        // more asked for than there are creatures: everyone; none and all as their names say
        assertThat(FramesSetting.selective(5, 5, 0).chosen(FITNESS, 42, 0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        // counts whose sum overflows an int still mean everyone
        assertThat(FramesSetting.selective(Integer.MAX_VALUE, 1, 0).chosen(FITNESS, 42, 0)).hasSize(10);
        assertThat(options("--frame-top", "2147483647", "--frame-random", "2147483647", "--frame-bottom", "2")
                .setting().chosen(FITNESS, 42, 0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(FramesSetting.NONE.chosen(FITNESS, 42, 0)).isEmpty();
        assertThat(FramesSetting.ALL.chosen(FITNESS, 42, 0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void thePlansSelectionDrawsFromTheStreamRunsAlwaysUsed() {
        // runs stored before the counts could be chosen resume with the same random draws
        double[] fitness = new SplittableRandom(3).doubles(200).toArray();
        for (int g : new int[] {0, 1, 99}) {
            int[] expected = FrameSelection.choose(fitness, 10, 10, 5, Streams.random(42, Streams.FRAMES, g));
            assertThat(FramesSetting.PLAN.chosen(fitness, 42, g)).containsExactly(expected).hasSize(25);
        }
        int[] ranked = FrameSelection.ranking(fitness);
        int[] chosen = FramesSetting.PLAN.chosen(fitness, 42, 5);
        assertThat(chosen).contains(Arrays.copyOf(ranked, 10)).contains(Arrays.copyOfRange(ranked, 195, 200));
        assertThat(IntStream.of(chosen).distinct().count()).isEqualTo(25);
    }

    private static void assertBad(FramesOptions o, String message) {
        assertThatThrownBy(o::setting).isInstanceOf(Nas.BadInputException.class).hasMessageContaining(message);
    }
}
