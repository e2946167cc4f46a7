package nas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nas.storage.JdbcStorage;
import nas.storage.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's generation as one binary body: every field back as it went, damage refused, the secret still needed. */
class GenerationBatchWireTest {

    @TempDir
    Path dir;

    private static RunStore.GenerationBatch batch() {
        RunStore.Generation g = new RunStore.Generation(7, 12.5, -0.0, Double.MIN_VALUE, -3e300, 99.25, 4, null,
                "{\"3\":2}", 0.125, 1.5);
        List<RunStore.Creature> creatures = List.of(
                new RunStore.Creature(7, 0, Double.NaN, 2, 1.25, false, Long.MIN_VALUE, 3, 2, 7L << 32,
                        new byte[] {'N', 'G', 1, (byte) 200}, new int[] {4, 5}, 0),
                new RunStore.Creature(7, 1, -1.0, 0, 0.0, true, 11, 4, 3, 5L << 32 | 1, null, new int[] {1}, 2));
        return new RunStore.GenerationBatch(g, creatures, List.of(new RunStore.Frames(7, 1, new byte[] {9, 8})),
                new RunStore.Checkpoint(8, 1_700_000_000_000L, new byte[300_000]), RunStore.RUNNING, 5);
    }

    @Test
    void everyFieldComesBackAsItWent() {
        RunStore.GenerationBatch b = batch();

        GenerationBatchWire.Request r = GenerationBatchWire.read(GenerationBatchWire.write("run é", b));

        assertThat(r.runId()).isEqualTo("run é");
        assertThat(r.batch().generation()).isEqualTo(b.generation());
        assertThat(r.batch().status()).isEqualTo(RunStore.RUNNING);
        assertThat(r.batch().bestGeneration()).isEqualTo(5);
        for (int i = 0; i < 2; i++) {
            RunStore.Creature a = b.creatures().get(i);
            RunStore.Creature c = r.batch().creatures().get(i);
            // records compare arrays by reference: compare them by content, the rest as records
            assertThat(c.genome()).isEqualTo(a.genome());
            assertThat(c.parents()).isEqualTo(a.parents());
            assertThat(withoutArrays(c)).isEqualTo(withoutArrays(a));
        }
        assertThat(Double.doubleToRawLongBits(r.batch().creatures().get(0).fitness()))
                .isEqualTo(Double.doubleToRawLongBits(Double.NaN));
        assertThat(r.batch().frames()).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(1);
            assertThat(f.data()).containsExactly(9, 8);
        });
        assertThat(r.batch().checkpoint().generation()).isEqualTo(8);
        assertThat(r.batch().checkpoint().createdMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(r.batch().checkpoint().state()).hasSize(300_000);

        RunStore.GenerationBatch bare = new RunStore.GenerationBatch(new RunStore.Generation(0, 1, 1, 1, 1, 1, 0, 6, null,
                0, 0), List.of(), List.of(), null, RunStore.COMPLETE, 0);
        RunStore.GenerationBatch back = GenerationBatchWire.read(GenerationBatchWire.write("r", bare)).batch();
        assertThat(back.generation()).isEqualTo(bare.generation());
        assertThat(back.checkpoint()).isNull();
        assertThat(back.creatures()).isEmpty();
    }

    @Test
    void aHoldersAppendCarriesItsLeaseAndTheRestAsWithout() {
        RunStore.Owner owner = new RunStore.Owner("höst-a", 4242, Long.MIN_VALUE + 3);
        byte[] plain = GenerationBatchWire.write("r", batch());
        byte[] owned = GenerationBatchWire.write("r", batch(), owner);

        GenerationBatchWire.Request r = GenerationBatchWire.read(owned);

        assertThat(r.owner()).isEqualTo(owner);
        assertThat(GenerationBatchWire.read(plain).owner()).isNull();
        // the mark "NGB2", the owner (host as writeUTF: 2 + 7 bytes, pid, lease), then the body of an unowned append
        assertThat(owned).hasSize(plain.length + 9 + 16);
        assertThat(Arrays.copyOfRange(owned, 0, 4)).containsExactly('N', 'G', 'B', '2');
        assertThat(Arrays.copyOfRange(owned, 4 + 9 + 16, owned.length)).isEqualTo(Arrays.copyOfRange(plain, 4,
                plain.length));
        assertThat(r.batch().generation()).isEqualTo(batch().generation());
        assertThat(r.batch().checkpoint().state()).hasSize(300_000);
    }

    @Test
    void theBytesAreTheFormatOfEarlierVersions() throws Exception {
        // field by field as the earlier version wrote them (a server it started may still be running)
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(0x4E474231);
        out.writeUTF("run é");
        out.writeInt(7);
        for (double v : new double[] {12.5, -0.0, Double.MIN_VALUE, -3e300, 99.25}) {
            out.writeDouble(v);
        }
        out.writeInt(4);
        out.writeBoolean(false);
        out.writeBoolean(true);
        out.writeUTF("{\"3\":2}");
        out.writeDouble(0.125);
        out.writeDouble(1.5);
        out.writeInt(2);
        out.writeInt(7);
        out.writeInt(0);
        out.writeDouble(Double.NaN);
        out.writeInt(2);
        out.writeDouble(1.25);
        out.writeBoolean(false);
        out.writeLong(Long.MIN_VALUE);
        out.writeInt(3);
        out.writeInt(2);
        out.writeLong(7L << 32);
        out.writeInt(4);
        out.write(new byte[] {'N', 'G', 1, (byte) 200});
        out.writeInt(2);
        out.writeInt(4);
        out.writeInt(5);
        out.writeInt(0);
        out.writeInt(7);
        out.writeInt(1);
        out.writeDouble(-1.0);
        out.writeInt(0);
        out.writeDouble(0.0);
        out.writeBoolean(true);
        out.writeLong(11);
        out.writeInt(4);
        out.writeInt(3);
        out.writeLong(5L << 32 | 1);
        out.writeInt(-1);
        out.writeInt(1);
        out.writeInt(1);
        out.writeInt(2);
        out.writeInt(1);
        out.writeInt(7);
        out.writeInt(1);
        out.writeInt(2);
        out.write(new byte[] {9, 8});
        out.writeBoolean(true);
        out.writeInt(8);
        out.writeLong(1_700_000_000_000L);
        out.writeInt(300_000);
        out.write(new byte[300_000]);
        out.writeBoolean(true);
        out.writeUTF(RunStore.RUNNING);
        out.writeInt(5);
        out.flush();

        assertThat(GenerationBatchWire.write("run é", batch())).isEqualTo(bytes.toByteArray());
    }

    @Test
    void aDamagedBodyIsRefusedWithAReason() {
        byte[] body = GenerationBatchWire.write("r", batch());

        assertThatThrownBy(() -> GenerationBatchWire.read(Arrays.copyOf(body, body.length - 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> GenerationBatchWire.read(Arrays.copyOf(body, body.length + 3)))
                .hasMessageContaining("3 bytes after its end");
        assertThatThrownBy(() -> GenerationBatchWire.read("{\"id\":\"r\"}".getBytes()))
                .hasMessageContaining("unknown body format");
    }

    @Test
    void aBinaryCallStillNeedsTheServersSecret() throws Exception {
        try (JdbcStorage served = JdbcStorage.openForServer(dir.resolve("runs").toString())) {
            ServerSecret secret = ServerSecret.random();
            try (StorageServer server = StorageServer.start(served, StorageServer.loopback(), 0, secret)) {
                RunStoreMethods.register(server.rpc(), served.runs());
                ServerEndpoint at = server.endpoint(secret);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + at.host() + ":" + at.port()
                        + "/rpc/" + RunStoreMethods.PREFIX + "appendGeneration"))
                        .header("Content-Type", RpcHandler.BODY_TYPE).header("Authorization", "Bearer wrong")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(GenerationBatchWire.write("r", batch()))).build();
                HttpResponse<String> reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

                assertThat(reply.statusCode()).isEqualTo(401);
                assertThat(reply.body()).contains("not authorized");
                // through the client, the run must exist: the store's own error comes back
                RpcClient client = new RpcClient(() -> at, java.time.Duration.ofSeconds(5));
                assertThatThrownBy(() -> client.callWithBody(RunStoreMethods.PREFIX + "appendGeneration",
                        GenerationBatchWire.write("nope", batch()), RpcClient.Kind.ONCE)).hasMessageContaining("no run 'nope'");
            }
        }
    }

    private static RunStore.Creature withoutArrays(RunStore.Creature c) {
        return new RunStore.Creature(c.generation(), c.index(), c.fitness(), c.pellets(), c.distance(), c.disqualified(),
                c.pelletSeed(), c.nodes(), c.muscles(), c.genomeId(), null, null, c.survivalStreak());
    }
}
