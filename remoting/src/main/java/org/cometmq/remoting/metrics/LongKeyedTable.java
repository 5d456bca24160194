package org.cometmq.remoting.metrics;

import java.util.function.LongFunction;

/**
 * A read-mostly map from {@code long} keys to values, for the labelled data points a metric hands out once per
 * label combination and then looks up on every request. A lookup is lock-free and allocates nothing (no boxed
 * key); adding a key copies the table under a lock, which is fine because the set of keys stops growing early.
 */
public final class LongKeyedTable<V> {
    private volatile Slots slots = new Slots(16);

    /** The value of {@code key}, created by {@code create} (once, under the table's lock) when absent. */
    public V get(long key, LongFunction<? extends V> create) {
        Object value = slots.find(key);
        if (value == null) {
            value = add(key, create);
        }
        @SuppressWarnings("unchecked")
        V typed = (V) value;
        return typed;
    }

    private synchronized Object add(long key, LongFunction<? extends V> create) {
        Slots current = slots;
        Object value = current.find(key);
        if (value != null) {
            return value;
        }
        value = create.apply(key);
        // keep the table at most half full, so probes stay short and always end at an empty slot
        int capacity = current.keys.length;
        Slots next = new Slots(current.size + 1 > capacity / 2 ? capacity * 2 : capacity);
        for (int i = 0; i < current.keys.length; i++) {
            if (current.values[i] != null) {
                next.put(current.keys[i], current.values[i]);
            }
        }
        next.put(key, value);
        slots = next;
        return value;
    }

    /** Open addressing with linear probes; never changed once published. */
    private static final class Slots {
        final long[] keys;
        final Object[] values;
        int size;

        Slots(int capacity) {
            keys = new long[capacity];
            values = new Object[capacity];
        }

        Object find(long key) {
            int mask = keys.length - 1;
            for (int i = index(key, mask); values[i] != null; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return null;
        }

        void put(long key, Object value) {
            int mask = keys.length - 1;
            int i = index(key, mask);
            while (values[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
            size++;
        }

        private static int index(long key, int mask) {
            long mixed = key * 0x9E37_79B9_7F4A_7C15L;
            return (int) (mixed ^ (mixed >>> 32)) & mask;
        }
    }
}
