package nas.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map that keeps insertion order, built for snapshots that grow one entry at a time
 * (a trial's parameters as they are suggested). Versions share one append-only log: adding a new
 * key to the newest version writes past its end and returns a view one entry longer, so a trial
 * with k parameters costs O(k) instead of O(k²) copies. Older views never see the slots past
 * their size, so every version stays immutable and can be read from any thread.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private static final FrozenMap<?, ?> EMPTY = new FrozenMap<>(new Log(0), 0);

    /** The shared storage; only the owner of the newest version appends. */
    private static final class Log {
        Object[] keys;
        Object[] values;
        int length;

        Log(int capacity) {
            keys = new Object[capacity];
            values = new Object[capacity];
        }
    }

    private final Log log;
    private final int size;
    private final Object[] keys;
    private final Object[] values;

    private FrozenMap(Log log, int size) {
        this.log = log;
        this.size = size;
        // the arrays as they are now; a later growth of the log replaces the log's arrays, not these
        this.keys = log.keys;
        this.values = log.values;
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> of(Map<K, V> source) {
        if (source instanceof FrozenMap) {
            return source;
        }
        if (source.isEmpty()) {
            return (Map<K, V>) EMPTY;
        }
        Log log = new Log(source.size());
        for (Map.Entry<K, V> e : source.entrySet()) {
            log.keys[log.length] = e.getKey();
            log.values[log.length] = e.getValue();
            log.length++;
        }
        return new FrozenMap<>(log, log.length);
    }

    /** {@code source} with one entry added or replaced. */
    static <K, V> Map<K, V> with(Map<K, V> source, K key, V value) {
        FrozenMap<K, V> f = (FrozenMap<K, V>) of(source);
        synchronized (f.log) {
            if (f != EMPTY && f.size == f.log.length && f.indexOf(key) < 0) {
                Log log = f.log;
                if (log.length == log.keys.length) {
                    int capacity = Math.max(8, log.length * 2);
                    log.keys = java.util.Arrays.copyOf(log.keys, capacity);
                    log.values = java.util.Arrays.copyOf(log.values, capacity);
                }
                log.keys[log.length] = key;
                log.values[log.length] = value;
                log.length++;
                return new FrozenMap<>(log, log.length);
            }
        }
        // an older version, a replaced key, or the shared empty map: start a new log
        Log log = new Log(Math.max(8, f.size + 1));
        for (int i = 0; i < f.size; i++) {
            log.keys[log.length] = f.keys[i];
            log.values[log.length] = f.keys[i].equals(key) ? value : f.values[i];
            log.length++;
        }
        if (f.indexOf(key) < 0) {
            log.keys[log.length] = key;
            log.values[log.length] = value;
            log.length++;
        }
        return new FrozenMap<>(log, log.length);
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    @Override
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @SuppressWarnings("unchecked")
                    @Override
                    public Entry<K, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
