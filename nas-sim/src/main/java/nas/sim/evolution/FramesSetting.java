package nas.sim.evolution;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which creatures of every generation a run records frames of: none, all, or a selection of the best
 * ({@code top}), a random sample of the rest ({@code random}) and the worst ({@code bottom}). A run stores it as
 * its {@link #key()}: {@code none}, {@code all}, {@code selective} for the plan's top 10, random 10 and bottom 5
 * (what every run stored before other counts existed), or {@code selective:T,R,B}.
 */
public record FramesSetting(Mode mode, int top, int random, int bottom) {

    /** The three ways to record. */
    public enum Mode {
        NONE, SELECTIVE, ALL;

        /** The mode named {@code s} (any case); IllegalArgumentException for another name. */
        public static Mode parse(String s) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--frames must be none, selective or all, but got '" + s + "'");
        }

        /** Its name as runs store it and users type it: none, selective, all. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Turbo: genomes and fitness only. */
    public static final FramesSetting NONE = new FramesSetting(Mode.NONE, 0, 0, 0);
    /** Every creature. */
    public static final FramesSetting ALL = new FramesSetting(Mode.ALL, 0, 0, 0);
    /** The plan's selection, the default: top 10, random 10, bottom 5. */
    public static final FramesSetting PLAN = new FramesSetting(Mode.SELECTIVE, FrameSelection.TOP, FrameSelection.RANDOM,
            FrameSelection.BOTTOM);

    private static final Pattern SELECTIVE = Pattern.compile("selective:(\\d{1,10}),(\\d{1,10}),(\\d{1,10})");

    public FramesSetting {
        if (top < 0 || random < 0 || bottom < 0 || mode != Mode.SELECTIVE && top + random + bottom != 0) {
            throw new IllegalArgumentException("counts must be >= 0, and 0 unless selective: " + top + ", " + random
                    + ", " + bottom);
        }
    }

    /** A selection of the best {@code top}, {@code random} of the rest and the worst {@code bottom}. */
    public static FramesSetting selective(int top, int random, int bottom) {
        return new FramesSetting(Mode.SELECTIVE, top, random, bottom);
    }

    /** How a run stores it. */
    public String key() {
        if (mode != Mode.SELECTIVE || equals(PLAN)) {
            return mode.key();
        }
        return mode.key() + ":" + top + "," + random + "," + bottom;
    }

    /** The setting a run stored as {@code key}; IllegalArgumentException for a key this version does not know. */
    public static FramesSetting parse(String key) {
        switch (key) {
            case "none":
                return NONE;
            case "all":
                return ALL;
            case "selective":
                return PLAN;
            default:
                Matcher m = SELECTIVE.matcher(key);
                if (m.matches()) {
                    try {
                        return selective(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)));
                    } catch (NumberFormatException tooLarge) {
                        // falls through to the message below
                    }
                }
                throw new IllegalArgumentException("unknown frames setting '" + key + "': this version knows none, all, "
                        + "selective and selective:TOP,RANDOM,BOTTOM");
        }
    }

    /** For people: {@code selective: top 10, random 10, bottom 5}; a key this version does not know as it is. */
    public static String describe(String key) {
        FramesSetting s;
        try {
            s = parse(key);
        } catch (IllegalArgumentException e) {
            return key;
        }
        return s.mode != Mode.SELECTIVE ? s.mode.key()
                : "selective: top " + s.top + ", random " + s.random + ", bottom " + s.bottom;
    }

    /**
     * A run's frames as every listing shows it ({@code nas runs}, {@code nas run-status}, the dashboard):
     * {@code selective: top 3, random 2, bottom 1, 15 fps}, {@code all, 15 fps}, {@code none}; a key this version
     * does not know as it is, with the rate.
     */
    public static String describe(String key, int frameRate) {
        return key.equals(Mode.NONE.key()) ? key : describe(key) + ", " + frameRate + " fps";
    }

    /**
     * The indices, ascending, of the creatures of generation {@code g} whose frames are recorded, given their
     * fitness; the random ones come from the run seed's frames stream for that generation, so a resumed run
     * chooses the same creatures.
     */
    public int[] chosen(double[] fitness, long seed, int g) {
        return switch (mode) {
            case NONE -> new int[0];
            case ALL -> IntStream.range(0, fitness.length).toArray();
            case SELECTIVE -> FrameSelection.choose(fitness, top, random, bottom, Streams.random(seed, Streams.FRAMES, g));
        };
    }

    /**
     * Why the creature ranked {@code rank} (1: the best) of {@code n} has frames under this setting: {@code top},
     * {@code random} or {@code bottom} of a selection, {@code all}, or null under {@code none}.
     */
    public String kind(int rank, int n) {
        return switch (mode) {
            case NONE -> null;
            case ALL -> "all";
            case SELECTIVE -> rank <= top ? "top" : rank > n - bottom ? "bottom" : "random";
        };
    }
}
