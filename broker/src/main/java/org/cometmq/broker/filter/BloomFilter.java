package org.cometmq.broker.filter;

import java.nio.charset.StandardCharsets;

/**
 * The bloom filter RocketMQ 4.9 brokers size from an error rate {@code f} (percent) and an expected number of
 * consumers {@code n}, and whose bit positions they store for every SQL92 consumer filter ("group#topic") in
 * {@code consumerFilter.json}: k = ceil(log0.5(f/100)) hashes, m = n·log2(100/f)·log2(e) bits rounded up to
 * whole bytes, positions from the 128-bit MurmurHash3 of the key (double hashing of its first 64 bits).
 */
public final class BloomFilter {
    private final int k;
    private final int m;

    private BloomFilter(int f, int n) {
        if (f < 1 || f >= 100) {
            throw new IllegalArgumentException("f must be greater or equal than 1 and less than 100");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be greater than 0");
        }
        double errorRate = f / 100.0;
        this.k = (int) Math.ceil(log(0.5, errorRate));
        int bits = (int) Math.ceil(n * log(2, 1 / errorRate) * log(2, Math.E));
        this.m = (int) (8 * Math.ceil(bits / 8.0));
    }

    /** The filter for error rate {@code f} percent and {@code n} expected keys. */
    public static BloomFilter createByFn(int f, int n) {
        return new BloomFilter(f, n);
    }

    private static double log(double base, double value) {
        return Math.log(value) / Math.log(base);
    }

    /** The {@code k} bit positions of {@code key}. */
    public int[] calcBitPositions(String key) {
        long hash64 = Murmur3.hash128FirstLong(key.getBytes(StandardCharsets.UTF_8));
        int hash1 = (int) hash64;
        int hash2 = (int) (hash64 >>> 32);
        int[] positions = new int[k];
        for (int i = 1; i <= k; i++) {
            int combined = hash1 + i * hash2;
            if (combined < 0) {
                combined = ~combined;
            }
            positions[i - 1] = combined % m;
        }
        return positions;
    }

    public BloomFilterData generate(String key) {
        return new BloomFilterData(calcBitPositions(key), m);
    }

    /** Whether {@code data} was made by a filter of this size. */
    public boolean isValid(BloomFilterData data) {
        return data != null && data.getBitNum() == m && data.getBitPos() != null && data.getBitPos().length == k;
    }

    public int getK() {
        return k;
    }

    public int getM() {
        return m;
    }
}
