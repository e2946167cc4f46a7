package nas.storage;

import java.util.function.Consumer;

/** The run store on PostgreSQL, each test in a new schema (see {@link PostgresTestServer}). */
class PostgresRunStoreTest extends RunStoreContractTest {

    @Override
    protected RunStore open(Consumer<AutoCloseable> closeWith) {
        JdbcStorage s = JdbcStorage.open(PostgresTestServer.freshUrl("runs"));
        closeWith.accept(s);
        return s.runs();
    }
}
