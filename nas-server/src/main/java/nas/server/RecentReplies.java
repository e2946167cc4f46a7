package nas.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The replies to the last calls that carried a request id, so that a client that lost a reply
 * (a connection reset after the call ran) can ask again and get the same answer instead of running
 * the call twice. Bounded: the oldest ids are forgotten first. The map is locked only to look an id
 * up or add it (constant time), never while a call runs.
 */
final class RecentReplies {

    private final Map<String, CompletableFuture<byte[]>> replies;

    RecentReplies(int capacity) {
        this.replies = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<byte[]>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The reply for {@code id}: computed by this call if it is the first with the id, else the first's. */
    byte[] computeOnce(String id, Supplier<byte[]> compute) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> first;
        synchronized (replies) {
            first = replies.putIfAbsent(id, mine);
        }
        if (first != null) {
            return first.join();
        }
        try {
            byte[] reply = compute.get();
            mine.complete(reply);
            return reply;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
