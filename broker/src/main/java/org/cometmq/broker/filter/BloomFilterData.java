package org.cometmq.broker.filter;

import java.util.Arrays;

/** The bloom-filter bits of one consumer filter: {@code bitNum} bits, of which {@code bitPos} are set. */
public class BloomFilterData {
    private int[] bitPos;
    private int bitNum;

    public BloomFilterData() {
    }

    public BloomFilterData(int[] bitPos, int bitNum) {
        this.bitPos = bitPos;
        this.bitNum = bitNum;
    }

    public int[] getBitPos() {
        return bitPos;
    }

    public void setBitPos(int[] bitPos) {
        this.bitPos = bitPos;
    }

    public int getBitNum() {
        return bitNum;
    }

    public void setBitNum(int bitNum) {
        this.bitNum = bitNum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BloomFilterData other && bitNum == other.bitNum && Arrays.equals(bitPos, other.bitPos);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bitPos) + bitNum;
    }

    @Override
    public String toString() {
        return "BloomFilterData[bitPos=" + Arrays.toString(bitPos) + ", bitNum=" + bitNum + "]";
    }
}
