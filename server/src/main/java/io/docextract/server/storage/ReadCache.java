package io.docextract.server.storage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read on every request (an API key's caller, an extractor's summary), remembered for a few
 * seconds so that a request does not query them again. A change made in this process forgets
 * every remembered value once it commits; another process sees the change within the time to
 * live.
 *
 * @param <K> the key
 * @param <V> the value; a null from the loader (nothing found) is not remembered
 */
public final class ReadCache<K, V> {

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Remembered<V>> entries = new ConcurrentHashMap<>();
    // Moves on every change, so that a load that read the database before the change is not kept.
    private final AtomicLong generation = new AtomicLong();

    private record Remembered<V>(V value, long expiresAtNanos) {}

    /** @param maxEntries past this many remembered values all are forgotten (a bound, rarely reached) */
    public ReadCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The remembered value, or the loader's (remembered when not null). */
    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Remembered<V> remembered = entries.get(key);
        if (remembered != null && now - remembered.expiresAtNanos() < 0) {
            return remembered.value();
        }
        long seen = generation.get();
        V value = loader.apply(key);
        if (value == null) {
            return null;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Remembered<>(value, now + ttlNanos));
        if (generation.get() != seen) {
            entries.remove(key);
        }
        return value;
    }

    /** Forgets every value once the current transaction commits (at once outside a transaction). */
    public void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        generation.incrementAndGet();
        entries.clear();
    }
}
