package nas.storage;

/**
 * A storage that also keeps evolution runs ({@code nas evolve}) in its database: {@link JdbcStorage}, and a
 * storage server's client. Who holds a {@code Storage} finds its runs with {@code instanceof RunStorage}.
 */
public interface RunStorage {

    /** The evolution runs in the same database. */
    RunStore runs();
}
