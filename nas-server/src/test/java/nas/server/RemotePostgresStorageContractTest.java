package nas.server;

import nas.api.storage.Storage;
import nas.api.storage.StorageContractTest;
import nas.storage.JdbcStorage;
import nas.storage.PostgresTestServer;
import org.junit.jupiter.api.AfterEach;

/**
 * The storage contract through a storage server in front of PostgreSQL (each test in a new
 * schema), over real loopback HTTP, with the server's pool limited to two connections.
 */
class RemotePostgresStorageContractTest extends StorageContractTest {

    private JdbcStorage served;
    private StorageServer server;

    @Override
    protected Storage newStorage() throws Exception {
        served = JdbcStorage.openForServer(PostgresTestServer.freshUrl("remote"), 2);
        ServerSecret secret = ServerSecret.random();
        server = StorageServer.start(served, StorageServer.loopback(), 0, secret);
        return RemoteStorage.connect(server.endpoint(secret));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
            served.close();
        }
    }
}
