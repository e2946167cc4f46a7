package nas.dashboard;

/**
 * The log of a storage that cannot answer: one line when it starts failing (or fails for another reason), one when
 * it answers again. A page polls the API every few seconds, so a line with a stack trace for every failed call
 * buried everything else while, say, the owner's server holds a read-only dashboard's file. The trace goes to the
 * debug level.
 */
final class OutageLog {

    private final System.Logger log;
    /** Why the storage last failed; null while it answers. */
    private String failing;

    OutageLog(System.Logger log) {
        this.log = log;
    }

    /** A call failed because of the storage. */
    void failed(Throwable e) {
        String why = Dashboard.describe(e);
        synchronized (this) {
            if (why.equals(failing)) {
                return;
            }
            failing = why;
        }
        log.log(System.Logger.Level.WARNING, "the storage cannot answer (" + why + "); API calls answer 503 until "
                + "it can");
        log.log(System.Logger.Level.DEBUG, "the storage's failure", e);
    }

    /** A call the storage answered. */
    void answered() {
        synchronized (this) {
            if (failing == null) {
                return;
            }
            failing = null;
        }
        log.log(System.Logger.Level.INFO, "the storage answers again");
    }
}
