package nas.server;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The replies to the last calls that carried a request id, so that a client that lost a reply
 * (a connection reset after the call ran) can ask again and get the same answer instead of running
 * the call twice. Bounded: the oldest ids are forgotten first.
 */
final class RecentReplies {

    private final int capacity;
    private final Map<String, CompletableFuture<byte[]>> replies = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();

    RecentReplies(int capacity) {
        this.capacity = capacity;
    }

    /** The reply for {@code id}: computed by this call if it is the first with the id, else the first's. */
    byte[] computeOnce(String id, Supplier<byte[]> compute) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> first = replies.putIfAbsent(id, mine);
        if (first != null) {
            return first.join();
        }
        order.add(id);
        while (order.size() > capacity) {
            String old = order.poll();
            if (old != null) {
                replies.remove(old);
            }
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
