package org.cometmq.broker.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BloomFilterTest {

    @Test
    void sizedAs49BrokersSizeTheirConsumerFilterBloom() {
        BloomFilter filter = BloomFilter.createByFn(20, 32);
        assertEquals(3, filter.getK());
        assertEquals(112, filter.getM());
    }

    @Test
    void positionsMatchWhatA497BrokerWroteToConsumerFilterJson() {
        BloomFilter filter = BloomFilter.createByFn(20, 32);
        BloomFilterData data = filter.generate("fid_sql_19642_9#FidSqlWake_2187726349697");
        assertEquals(112, data.getBitNum());
        assertArrayEquals(new int[] {7, 110, 101}, data.getBitPos());
        assertTrue(filter.isValid(data));
        assertFalse(BloomFilter.createByFn(10, 32).isValid(data));
    }

    @Test
    void murmurHashOfNothingIsZero() {
        assertEquals(0L, Murmur3.hash128FirstLong(new byte[0]));
    }
}
