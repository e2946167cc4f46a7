package nas.storage;

import nas.api.storage.Storage;
import nas.api.storage.StorageContractTest;

/** The storage contract on PostgreSQL, each test in a new schema (see {@link PostgresTestServer}). */
class PostgresStorageContractTest extends StorageContractTest {

    @Override
    protected Storage newStorage() {
        return JdbcStorage.open(PostgresTestServer.freshUrl("contract"));
    }
}
