package nas.cli;

import nas.sim.evolution.FramesSetting;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --frames}, {@code --frame-top}, {@code --frame-random}, {@code --frame-bottom} and {@code --frame-rate}:
 * which creatures of every generation a run records frames of, and how often. Unset options are null, so a
 * command can tell whether any was given.
 */
final class FramesOptions {

    /** Frames per simulated second unless {@code --frame-rate} says otherwise. */
    static final int DEFAULT_RATE = 15;

    @Option(names = "--frames", paramLabel = "MODE",
            description = "Frames to record: none (turbo: genomes and fitness only), selective (the best, a random "
                    + "sample and the worst of every generation: --frame-top, --frame-random, --frame-bottom) or all. "
                    + "Default: selective.")
    String frames;

    @Option(names = "--frame-top", paramLabel = "N",
            description = "With --frames selective: record the N best creatures of every generation. Default: 10.")
    Integer top;

    @Option(names = "--frame-random", paramLabel = "N",
            description = "With --frames selective: record N creatures drawn at random (from the run seed) from those "
                    + "between the best and the worst. Default: 10.")
    Integer random;

    @Option(names = "--frame-bottom", paramLabel = "N",
            description = "With --frames selective: record the N worst creatures of every generation. Default: 5.")
    Integer bottom;

    @Option(names = "--frame-rate", paramLabel = "FPS", description = "Frames per simulated second, a divisor of the "
            + "physics rate (at the presets' 30 steps a second: 1, 2, 3, 5, 6, 10, 15 or 30). Default: 15.")
    Integer rate;

    /** Whether any of the options was given. */
    boolean given() {
        return frames != null || top != null || random != null || bottom != null || rate != null;
    }

    /** The setting the options choose; exit 2 for a bad value or a count without {@code --frames selective}. */
    FramesSetting setting() {
        FramesSetting.Mode mode;
        try {
            mode = FramesSetting.Mode.parse(frames == null ? "selective" : frames);
        } catch (IllegalArgumentException e) {
            throw new Nas.BadInputException(e.getMessage(), e);
        }
        boolean counts = top != null || random != null || bottom != null;
        if (mode != FramesSetting.Mode.SELECTIVE) {
            if (counts) {
                throw new Nas.BadInputException("--frame-top, --frame-random and --frame-bottom choose the creatures of "
                        + "--frames selective; --frames " + mode.key() + " records "
                        + (mode == FramesSetting.Mode.ALL ? "every creature" : "none"));
            }
            return mode == FramesSetting.Mode.ALL ? FramesSetting.ALL : FramesSetting.NONE;
        }
        FramesSetting plan = FramesSetting.PLAN;
        int t = top == null ? plan.top() : top;
        int r = random == null ? plan.random() : random;
        int b = bottom == null ? plan.bottom() : bottom;
        if (t < 0 || r < 0 || b < 0) {
            throw new Nas.BadInputException("--frame-top, --frame-random and --frame-bottom must be >= 0, but got " + t
                    + ", " + r + " and " + b);
        }
        if ((long) t + r + b == 0) {
            throw new Nas.BadInputException("--frame-top, --frame-random and --frame-bottom are all 0: no creature "
                    + "would get frames; for that, say --frames none");
        }
        return FramesSetting.selective(t, r, b);
    }

    /** Frames per simulated second; exit 2 unless >= 1. */
    int rate() {
        int fps = rate == null ? DEFAULT_RATE : rate;
        if (fps < 1) {
            throw new Nas.BadInputException("--frame-rate must be >= 1, but got " + fps);
        }
        return fps;
    }

    /** The options given, as arguments for a {@code nas evolve} this command starts. */
    List<String> args() {
        List<String> args = new ArrayList<>();
        add(args, "--frames", frames);
        add(args, "--frame-top", top);
        add(args, "--frame-random", random);
        add(args, "--frame-bottom", bottom);
        add(args, "--frame-rate", rate);
        return args;
    }

    private static void add(List<String> args, String option, Object value) {
        if (value != null) {
            args.add(option);
            args.add(String.valueOf(value));
        }
    }
}
