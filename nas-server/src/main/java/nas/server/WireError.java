package nas.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import nas.api.exception.DuplicateStudyException;
import nas.api.exception.StorageException;
import nas.api.exception.StudyNotFoundException;
import nas.api.exception.TrialFinishedException;

/**
 * Exceptions across the wire: the server sends the type and message of what a method threw, the
 * client throws the same type with the same message, so a caller cannot tell a remote storage from
 * an in-process one. Anything else arrives as a {@link StorageException}.
 */
public final class WireError {

    private static final Map<String, BiFunction<String, Throwable, RuntimeException>> TYPES = new LinkedHashMap<>();

    static {
        // most specific first: the server sends the first type the exception is an instance of
        TYPES.put("DuplicateStudy", DuplicateStudyException::new);
        TYPES.put("StudyNotFound", StudyNotFoundException::new);
        TYPES.put("TrialFinished", TrialFinishedException::new);
        TYPES.put("IllegalArgument", IllegalArgumentException::new);
        TYPES.put("IllegalState", IllegalStateException::new);
        TYPES.put("Storage", StorageException::new);
    }

    private WireError() {
    }

    /** The wire form of an exception thrown by a served method. */
    public static Map<String, Object> of(Throwable e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", typeOf(e));
        m.put("message", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return m;
    }

    private static String typeOf(Throwable e) {
        if (e instanceof DuplicateStudyException) {
            return "DuplicateStudy";
        }
        if (e instanceof StudyNotFoundException) {
            return "StudyNotFound";
        }
        if (e instanceof TrialFinishedException) {
            return "TrialFinished";
        }
        if (e instanceof IllegalArgumentException) {
            return "IllegalArgument";
        }
        if (e instanceof IllegalStateException) {
            return "IllegalState";
        }
        return "Storage";
    }

    /** The exception to throw for a wire error ({@code cause} records where it came from). */
    public static RuntimeException toException(Map<?, ?> error, Throwable cause) {
        String message = String.valueOf(error.get("message"));
        BiFunction<String, Throwable, RuntimeException> make = TYPES.get(String.valueOf(error.get("type")));
        return (make == null ? TYPES.get("Storage") : make).apply(message, cause);
    }
}
