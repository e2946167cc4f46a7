package nas.storage;

import java.util.Locale;

/** The databases NAS stores studies in, and the little that differs between them. */
enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Classpath folder of this database's migration scripts. */
    String migrationFolder() {
        return "nas/storage/migration/" + folder + "/";
    }

    static Dialect of(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported storage URL '" + url
                + "': use jdbc:h2:... (embedded, the default) or jdbc:postgresql://host:port/database");
    }
}
