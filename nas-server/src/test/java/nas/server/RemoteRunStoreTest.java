package nas.server;

import java.nio.file.Path;
import java.util.function.Consumer;
import nas.storage.JdbcStorage;
import nas.storage.RunStore;
import nas.storage.RunStoreContractTest;
import org.junit.jupiter.api.io.TempDir;

/** The run store through a storage server serving an H2 file, over real loopback HTTP. */
class RemoteRunStoreTest extends RunStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected RunStore open(Consumer<AutoCloseable> closeWith) {
        JdbcStorage served = JdbcStorage.openForServer(dir.resolve("runs").toString());
        ServerSecret secret = ServerSecret.random();
        StorageServer server;
        try {
            server = StorageServer.start(served, StorageServer.loopback(), 0, secret);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        RunStoreMethods.register(server.rpc(), served.runs());
        closeWith.accept(() -> {
            server.close();
            served.close();
        });
        return RemoteStorage.connect(server.endpoint(secret)).runs();
    }
}
