package org.cometmq.example.benchmark;

/**
 * When a benchmark run ends: after {@code durationMillis}, after {@code messageCount} messages, or at
 * whichever comes first when both are set. 0 means "no bound" on that axis; at least one axis is bounded.
 */
public record RunBound(long durationMillis, long messageCount) {
    /** Applies when neither -d nor -m is given. */
    public static final long DEFAULT_DURATION_SECONDS = 60;

    public RunBound {
        if (durationMillis < 0 || messageCount < 0) {
            throw new IllegalArgumentException("duration and message count must not be negative");
        }
        if (durationMillis == 0 && messageCount == 0) {
            throw new IllegalArgumentException(
                "the run needs a bound: give a duration (-d seconds) or a message count (-m)");
        }
    }

    public boolean hasDuration() {
        return durationMillis > 0;
    }

    public boolean hasMessageCount() {
        return messageCount > 0;
    }

    /** True when {@code sequence} (0-based) is past the message count bound. */
    public boolean countExhausted(long sequence) {
        return hasMessageCount() && sequence >= messageCount;
    }

    /** "60 s", "100000 messages" or "100000 messages or 60 s", for the start banner. */
    public String describe() {
        String count = hasMessageCount() ? messageCount + " messages" : "";
        String duration = hasDuration() ? durationMillis / 1000.0 + " s" : "";
        if (!count.isEmpty() && !duration.isEmpty()) {
            return count + " or " + duration + ", whichever comes first";
        }
        return count + duration;
    }
}
