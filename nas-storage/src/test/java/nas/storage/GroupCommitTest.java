package nas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Writers that commit while a store of the file runs share the next store instead of one each; commits and
 * stores never overlap (a store taken across a commit can hold part of it, H2 issue 2080).
 */
class GroupCommitTest {

    @Test
    void eightWritersArrivingDuringOneStoreShareTheNextOne() throws Exception {
        CountDownLatch firstStoreHeld = new CountDownLatch(1);
        CountDownLatch releaseFirstStore = new CountDownLatch(1);
        AtomicInteger stores = new AtomicInteger();
        GroupCommit group = new GroupCommit(GroupCommit.Mode.GROUP, c -> {
            if (stores.incrementAndGet() == 1) {
                firstStoreHeld.countDown();
                await(releaseFirstStore);
            }
        });
        List<Thread> writers = new ArrayList<>();
        writers.add(start(group)); // the leader of the first store, held open
        assertThat(firstStoreHeld.await(30, TimeUnit.SECONDS)).isTrue();
        for (int w = 0; w < 8; w++) {
            writers.add(start(group));
        }
        while (group.commitsAndStores()[0] < 9) { // all eight have committed and wait
            Thread.sleep(5);
        }
        releaseFirstStore.countDown();
        for (Thread t : writers) {
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
        }
        // nine writes, two stores: the held one (its leader's) and one for the eight that waited
        assertThat(stores).hasValue(2);
        assertThat(group.commitsAndStores()).containsExactly(9, 2);
    }

    /**
     * Never worse than a store per write: a writer alone stores at once, once per write, and waits
     * for nothing else (the ordering of the Workers benchmark, not the rule, made group commit look
     * slower on an idle machine).
     */
    @Test
    void aWriterAloneStoresAtOnceOncePerWrite() throws Exception {
        AtomicInteger stores = new AtomicInteger();
        GroupCommit group = new GroupCommit(GroupCommit.Mode.GROUP, c -> stores.incrementAndGet());
        for (int w = 1; w <= 5; w++) {
            group.awaitStored(null);
            assertThat(stores).hasValue(w);
        }
        assertThat(group.commitsAndStores()).containsExactly(5, 5);
        // a write's time until stored includes its store
        long[] nanos = group.storeAndDurableNanos();
        assertThat(nanos[1]).isGreaterThanOrEqualTo(nanos[0]).isPositive();
    }

    /**
     * A writer that commits while another's store runs (which cannot hold its commit) costs exactly
     * one more store, as it would storing on its own: two writes, two stores.
     */
    @Test
    void aWriterArrivingDuringAStoreLeadsExactlyOneMore() throws Exception {
        CountDownLatch firstStoreHeld = new CountDownLatch(1);
        CountDownLatch releaseFirstStore = new CountDownLatch(1);
        AtomicInteger stores = new AtomicInteger();
        GroupCommit group = new GroupCommit(GroupCommit.Mode.GROUP, c -> {
            if (stores.incrementAndGet() == 1) {
                firstStoreHeld.countDown();
                await(releaseFirstStore);
            }
        });
        Thread leader = start(group);
        assertThat(firstStoreHeld.await(30, TimeUnit.SECONDS)).isTrue();
        Thread late = start(group);
        while (group.commitsAndStores()[0] < 2) {
            Thread.sleep(5);
        }
        releaseFirstStore.countDown();
        leader.join(30_000);
        late.join(30_000);
        assertThat(leader.isAlive() || late.isAlive()).isFalse();
        assertThat(stores).hasValue(2);
        assertThat(group.commitsAndStores()).containsExactly(2, 2);
    }

    @Test
    void withoutGroupingEveryWriteStoresOnItsOwn() throws Exception {
        AtomicInteger stores = new AtomicInteger();
        GroupCommit single = new GroupCommit(GroupCommit.Mode.SINGLE, c -> stores.incrementAndGet());
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            writers.add(start(single));
        }
        for (Thread t : writers) {
            t.join(30_000);
        }
        assertThat(stores).hasValue(8);
        assertThat(single.commitsAndStores()).containsExactly(8, 8);
    }

    /** A writer's commit waits for the store under way, and runs as soon as it ends. */
    @Test
    void aCommitWaitsForTheStoreUnderWay() throws Exception {
        CountDownLatch storeHeld = new CountDownLatch(1);
        CountDownLatch releaseStore = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        GroupCommit group = new GroupCommit(GroupCommit.Mode.GROUP, c -> committed.countDown(), c -> {
            storeHeld.countDown();
            await(releaseStore);
        });
        Thread leader = start(group);
        assertThat(storeHeld.await(30, TimeUnit.SECONDS)).isTrue();
        Thread writer = startCommit(group);
        assertThat(committed.await(300, TimeUnit.MILLISECONDS)).as("committed during the store").isFalse();
        releaseStore.countDown();
        assertThat(committed.await(30, TimeUnit.SECONDS)).isTrue();
        leader.join(30_000);
        writer.join(30_000);
        assertThat(leader.isAlive() || writer.isAlive()).isFalse();
    }

    /** A store waits for the commit under way: it holds the whole commit or none of it. */
    @Test
    void aStoreWaitsForTheCommitUnderWay() throws Exception {
        CountDownLatch commitHeld = new CountDownLatch(1);
        CountDownLatch releaseCommit = new CountDownLatch(1);
        AtomicInteger stores = new AtomicInteger();
        GroupCommit group = new GroupCommit(GroupCommit.Mode.GROUP, c -> {
            commitHeld.countDown();
            await(releaseCommit);
        }, c -> stores.incrementAndGet());
        assertWaitsForTheHeldCommit(group, commitHeld, releaseCommit, () -> start(group), stores, "stored");
    }

    /** The file is forced to disk only when a commit came since the last time. */
    @Test
    void aSyncForcesTheFileOnlyAfterNewCommits() throws Exception {
        AtomicInteger syncs = new AtomicInteger();
        GroupCommit group = new GroupCommit(GroupCommit.Mode.GROUP, c -> { }, c -> { }, c -> syncs.incrementAndGet());
        assertThat(group.syncIfCommitted(null)).isFalse();
        group.commit(null);
        group.commit(null);
        assertThat(group.hasUnsyncedCommits()).isTrue();
        assertThat(group.syncIfCommitted(null)).isTrue();
        assertThat(group.hasUnsyncedCommits()).isFalse();
        assertThat(group.syncIfCommitted(null)).isFalse();
        group.commit(null);
        assertThat(group.syncIfCommitted(null)).isTrue();
        assertThat(syncs).hasValue(2);
        assertThat(group.syncs()).isEqualTo(2);
        GroupCommit delayed = new GroupCommit(GroupCommit.Mode.DELAYED, c -> { }, c -> { }, c -> syncs.incrementAndGet());
        delayed.commit(null);
        assertThat(delayed.syncIfCommitted(null)).isFalse();
        assertThat(syncs).as("the delayed mode leaves the file to H2").hasValue(2);
    }

    /** A sync is a store: it waits for the commit under way, so it never holds part of one. */
    @Test
    void aSyncWaitsForTheCommitUnderWay() throws Exception {
        CountDownLatch commitHeld = new CountDownLatch(1);
        CountDownLatch releaseCommit = new CountDownLatch(1);
        AtomicInteger syncs = new AtomicInteger();
        AtomicInteger commits = new AtomicInteger();
        GroupCommit group = new GroupCommit(GroupCommit.Mode.GROUP, c -> {
            if (commits.incrementAndGet() == 2) {
                commitHeld.countDown();
                await(releaseCommit);
            }
        }, c -> { }, c -> syncs.incrementAndGet());
        group.commit(null); // an earlier commit, so there is something to sync
        assertWaitsForTheHeldCommit(group, commitHeld, releaseCommit, () -> onThread(() -> group.syncIfCommitted(null)),
                syncs, "synced");
        assertThat(group.hasUnsyncedCommits()).as("the sync came after both commits").isFalse();
    }

    /**
     * Starts a commit that {@code group}'s commit step holds until {@code releaseCommit}, then {@code waiter} (a store
     * or a sync): nothing is {@code done} while the commit is held, exactly one thing once it is released.
     */
    private static void assertWaitsForTheHeldCommit(GroupCommit group, CountDownLatch commitHeld,
            CountDownLatch releaseCommit, java.util.function.Supplier<Thread> waiter, AtomicInteger done, String what)
            throws InterruptedException {
        Thread committing = startCommit(group);
        assertThat(commitHeld.await(30, TimeUnit.SECONDS)).isTrue();
        Thread waiting = waiter.get();
        Thread.sleep(300);
        assertThat(done).as(what + " during the commit").hasValue(0);
        releaseCommit.countDown();
        waiting.join(30_000);
        committing.join(30_000);
        assertThat(waiting.isAlive() || committing.isAlive()).isFalse();
        assertThat(done).hasValue(1);
    }

    /** A writer waiting for its commit to be stored, on a thread of its own. */
    private static Thread start(GroupCommit group) {
        return onThread(() -> group.awaitStored(null));
    }

    /** A writer committing, on a thread of its own. */
    private static Thread startCommit(GroupCommit group) {
        return onThread(() -> group.commit(null));
    }

    private interface SqlStep {
        void run() throws java.sql.SQLException;
    }

    private static Thread onThread(SqlStep step) {
        Thread t = new Thread(() -> {
            try {
                step.run();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
