package nas.cli;

import java.time.Duration;
import nas.server.RemoteStorage;
import nas.server.RpcClient;
import nas.server.ServerEndpoint;
import nas.server.ServerSecret;

/**
 * A client that knows a server's port but not its secret (as any local user can find the port):
 * tries to list the studies and prints what it got.
 */
public final class ForeignClient {

    private ForeignClient() {
    }

    public static void main(String[] args) {
        ServerEndpoint guessed = new ServerEndpoint("127.0.0.1", Integer.parseInt(args[0]), ServerSecret.random().token(), 0);
        try (RemoteStorage storage = new RemoteStorage(new RpcClient(() -> guessed, Duration.ofSeconds(5)))) {
            System.out.println("GOT " + storage.studies());
        } catch (RuntimeException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
    }
}
