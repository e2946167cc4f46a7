package nas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentRepliesTest {

    @Test
    void aRepeatedIdGetsTheFirstReplyWithoutRunningTheCallAgain() {
        RecentReplies replies = new RecentReplies(3);
        AtomicInteger runs = new AtomicInteger();
        byte[] first = replies.computeOnce("a", () -> bytes("reply " + runs.incrementAndGet()));
        byte[] again = replies.computeOnce("a", () -> bytes("reply " + runs.incrementAndGet()));
        assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo("reply 1");
        assertThat(again).isSameAs(first);
        assertThat(runs).hasValue(1);
    }

    @Test
    void theOldestIdsAreForgottenBeyondTheCapacity() {
        RecentReplies replies = new RecentReplies(3);
        AtomicInteger runs = new AtomicInteger();
        for (String id : new String[] {"a", "b", "c", "d"}) {
            replies.computeOnce(id, () -> bytes("run " + runs.incrementAndGet()));
        }
        // "a" was the eldest of four: forgotten, so it runs again; "d" is still known
        assertThat(new String(replies.computeOnce("a", () -> bytes("run " + runs.incrementAndGet())),
                StandardCharsets.UTF_8)).isEqualTo("run 5");
        assertThat(new String(replies.computeOnce("d", () -> bytes("run " + runs.incrementAndGet())),
                StandardCharsets.UTF_8)).isEqualTo("run 4");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
