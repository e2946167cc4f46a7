package nas.neat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing the JSON-compatible state of speciation controls ({@link SpeciationControl#state()}):
 * doubles as their IEEE-754 bits (exact, NaN included), numbers read back whatever integer type a JSON reader
 * chose.
 */
final class ControlState {

    private ControlState() {
    }

    static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    static double real(Object bits) {
        return Double.longBitsToDouble(((Number) bits).longValue());
    }

    static int integer(Map<String, Object> state, String key) {
        return ((Number) field(state, key)).intValue();
    }

    static double real(Map<String, Object> state, String key) {
        return real(field(state, key));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> state, String key) {
        return (List<Object>) field(state, key);
    }

    static int[] ints(Map<String, Object> state, String key) {
        return list(state, key).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    static List<Long> bitsOf(double... values) {
        List<Long> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(bits(v));
        }
        return out;
    }

    private static Object field(Map<String, Object> state, String key) {
        Object v = state.get(key);
        if (v == null) {
            throw new IllegalArgumentException("speciation control state: '" + key + "' is missing");
        }
        return v;
    }
}
