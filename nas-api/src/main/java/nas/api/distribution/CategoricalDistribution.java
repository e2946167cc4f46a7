package nas.api.distribution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A choice among strings, numbers and booleans. The internal value is the index of the choice.
 * Numbers are normalized ({@code Integer} for integral types within {@code int}'s range, as an int
 * parameter's values, {@code Long} beyond it, {@code Double} otherwise) so that a distribution read back
 * from storage equals the one the objective declared.
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

    /**
     * Validates the choices: at least one, no duplicates; numbers normalized.
     *
     * @param choices the choices (strings, numbers, booleans), at least one, no duplicates
     */
    public CategoricalDistribution {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("a categorical parameter needs at least one choice, but got none");
        }
        List<Object> normalized = new ArrayList<>(choices.size());
        Set<Object> seen = new HashSet<>();
        for (Object c : choices) {
            Object n = normalize(c);
            if (!seen.add(n)) {
                throw new IllegalArgumentException("choices must be distinct, but " + c + " appears twice in " + choices);
            }
            normalized.add(n);
        }
        choices = List.copyOf(normalized);
    }

    /**
     * Convenience factory.
     *
     * @param choices the choices (strings, numbers, booleans), at least one, no duplicates
     * @return the distribution over {@code choices}
     */
    public static CategoricalDistribution of(Object... choices) {
        return new CategoricalDistribution(List.of(choices));
    }

    static Object normalize(Object c) {
        if (c instanceof String || c instanceof Boolean) {
            return c;
        }
        if (c instanceof Long || c instanceof Integer || c instanceof Short || c instanceof Byte) {
            long v = ((Number) c).longValue();
            // as an int parameter's values: Integer when it fits, so (Integer) params().get(name) works after storage
            return v == (int) v ? (Object) (int) v : (Object) v;
        }
        if (c instanceof Float f) {
            return Double.parseDouble(f.toString()); // 0.1f is 0.1, not 0.10000000149011612
        }
        if (c instanceof Double) {
            return c;
        }
        throw new IllegalArgumentException(
                "categorical choices must be strings, numbers or booleans, but got " + FloatDistribution.describe(c));
    }

    /**
     * Index of a choice, or -1.
     *
     * @param choice a choice, as given to the distribution
     * @return index of a choice, or -1
     */
    public int indexOf(Object choice) {
        try {
            return choices.indexOf(normalize(choice));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    @Override
    public double toInternal(Object external) {
        int i = indexOf(external);
        if (i < 0) {
            throw new IllegalArgumentException(external + " is not one of the choices " + choices);
        }
        return i;
    }

    @Override
    public Object toExternal(double internal) {
        return choices.get((int) internal);
    }

    @Override
    public boolean contains(double value) {
        return value >= 0 && value < choices.size() && value == Math.rint(value);
    }

    @Override
    public boolean isSingle() {
        return choices.size() == 1;
    }

    @Override
    public double singleValue() {
        return 0;
    }
}
