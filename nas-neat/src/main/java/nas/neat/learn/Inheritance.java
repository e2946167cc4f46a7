package nas.neat.learn;

import java.util.Locale;

/** What happens to the weights a genome learned during its evaluation. */
public enum Inheritance {
    /** Trained weights are written back into the genome and inherited by its offspring. */
    LAMARCKIAN,
    /** Only the fitness reflects the training; the genome keeps its evolved weights. */
    BALDWINIAN;

    public static Inheritance parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "lamarckian" -> LAMARCKIAN;
            case "baldwinian" -> BALDWINIAN;
            default -> throw new IllegalArgumentException("inheritance must be lamarckian or baldwinian, got '"
                    + name + "'");
        };
    }
}
