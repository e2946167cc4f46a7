package nas.server;

import java.nio.file.Path;
import nas.api.storage.Storage;
import nas.api.storage.StorageContractTest;
import nas.storage.JdbcStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract through a storage server serving an H2 file, over real loopback HTTP. */
class RemoteStorageContractTest extends StorageContractTest {

    @TempDir
    Path dir;

    private JdbcStorage served;
    private StorageServer server;

    @Override
    protected Storage newStorage() throws Exception {
        served = JdbcStorage.openForServer(dir.resolve("contract").toString());
        ServerSecret secret = ServerSecret.random();
        server = StorageServer.start(served, StorageServer.loopback(), 0, secret);
        return RemoteStorage.connect(server.endpoint(secret));
    }

    @AfterEach
    void stopServer() {
        server.close();
        served.close();
    }
}
