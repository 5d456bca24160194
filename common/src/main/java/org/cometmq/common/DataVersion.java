package org.cometmq.common;

import java.util.concurrent.atomic.AtomicLong;
import org.cometmq.remoting.protocol.RemotingSerializable;

/**
 * Version stamp of a broker's topic (or group) table: a wall-clock timestamp plus a counter bumped on every
 * change. The name server compares the pair to decide whether a registration carries new topic configs.
 * JSON: {@code {"counter":1,"timestamp":1700000000000}} (counter as a plain number).
 */
public class DataVersion extends RemotingSerializable {
    private long timestamp = System.currentTimeMillis();
    private AtomicLong counter = new AtomicLong(0);

    /** Copies {@code dataVersion}'s timestamp and counter into this one. */
    public void assignNewOne(DataVersion dataVersion) {
        this.timestamp = dataVersion.timestamp;
        this.counter.set(dataVersion.counter.get());
    }

    /** Marks a change: timestamp becomes now, counter goes up by one. */
    public void nextVersion() {
        this.timestamp = System.currentTimeMillis();
        this.counter.incrementAndGet();
    }

    public long getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    public AtomicLong getCounter() {
        return counter;
    }

    public void setCounter(AtomicLong counter) {
        this.counter = counter;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataVersion)) {
            return false;
        }
        DataVersion that = (DataVersion) o;
        if (timestamp != that.timestamp) {
            return false;
        }
        if (counter != null && that.counter != null) {
            return counter.get() == that.counter.get();
        }
        return counter == null && that.counter == null;
    }

    @Override
    public int hashCode() {
        long c = counter == null ? 0 : counter.get();
        return 31 * Long.hashCode(timestamp) + Long.hashCode(c);
    }

    @Override
    public String toString() {
        return "DataVersion[timestamp=" + timestamp + ", counter=" + counter + "]";
    }
}
