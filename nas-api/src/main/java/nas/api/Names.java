package nas.api;

/**
 * Names people type (a study, a configuration key): which known name a mistyped one most likely meant, for
 * messages that say "did you mean ...?".
 */
public final class Names {

    private Names() {
    }

    /**
     * The Levenshtein distance of two strings.
     *
     * @param a one string
     * @param b the other
     * @return the fewest insertions, deletions and substitutions of one character that turn {@code a} into
     *         {@code b} ("kitten" and "sitting": 3)
     */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitution, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The known name a mistyped one most likely meant: the nearest by edit distance, where a letter that differs
     * only in case counts half an edit (so "Demo" is nearer to "demo" than to "deme"), if it is at most 2 edits away
     * (a third of the name's length, for long names), nearer than any other known name and not the name itself.
     *
     * @param name  the name given
     * @param known the names that exist
     * @return the nearest known name, or null when none is near enough or two are equally near
     */
    public static String nearest(String name, Iterable<String> known) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        boolean tie = false;
        for (String k : known) {
            double d = (editDistance(lower, k.toLowerCase(java.util.Locale.ROOT)) + editDistance(name, k)) / 2.0;
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && !tie && bestDistance > 0 && bestDistance <= Math.max(2, name.length() / 3) ? best
                : null;
    }
}
