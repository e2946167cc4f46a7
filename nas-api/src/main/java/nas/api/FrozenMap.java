package nas.api;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An immutable map that keeps insertion order. Snapshots share instances instead of copying them:
 * {@link #of} returns its argument when that is already a {@code FrozenMap}.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private static final FrozenMap<?, ?> EMPTY = new FrozenMap<>(Map.of());

    private final Map<K, V> map;

    private FrozenMap(Map<K, V> map) {
        this.map = map;
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> of(Map<K, V> source) {
        if (source instanceof FrozenMap) {
            return source;
        }
        if (source.isEmpty()) {
            return (Map<K, V>) EMPTY;
        }
        return new FrozenMap<>(Collections.unmodifiableMap(new LinkedHashMap<>(source)));
    }

    /** A copy of {@code source} with one entry added or replaced. */
    static <K, V> Map<K, V> with(Map<K, V> source, K key, V value) {
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(source);
        copy.put(key, value);
        return new FrozenMap<>(Collections.unmodifiableMap(copy));
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return map.entrySet();
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }
}
