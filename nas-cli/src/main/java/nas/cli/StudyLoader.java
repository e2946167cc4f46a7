package nas.cli;

import nas.api.Studies;
import nas.api.Study;
import nas.api.exception.StudyNotFoundException;
import nas.api.storage.Storage;

/** Opens an existing study for reading commands, with errors that say what to do. */
final class StudyLoader {

    private StudyLoader() {
    }

    static Study load(Storage storage, String name, String where) {
        try {
            return Studies.builder(name).storage(storage).load();
        } catch (StudyNotFoundException e) {
            String near = nearest(storage, name);
            throw new Nas.BadInputException("no study named '" + name + "' in " + where
                    + (near != null ? "; did you mean '" + near + "'?" : " (see 'nas studies')"));
        }
    }

    /**
     * The study a mistyped name most likely meant: the stored study nearest by edit distance (case counts as
     * half an edit, so "Demo" is nearer to "demo" than "deme"), if at most 2 edits away (a third of the name for long
     * names) and nearer than any other; else null.
     */
    static String nearest(Storage storage, String name) {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        boolean tie = false;
        for (nas.api.storage.StudyInfo s : storage.studies()) {
            double d = (editDistance(name.toLowerCase(java.util.Locale.ROOT), s.name().toLowerCase(java.util.Locale.ROOT))
                    + editDistance(name, s.name())) / 2.0;
            if (d < bestDistance) {
                best = s.name();
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return best != null && !tie && bestDistance > 0 && bestDistance <= Math.max(2, name.length() / 3) ? best
                : null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    static int editDistance(String a, String b) {
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
}
