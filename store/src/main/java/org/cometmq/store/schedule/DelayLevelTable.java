package org.cometmq.store.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The delay of each level parsed from {@code messageDelayLevel} ("1s 5s 10s 30s 1m ... 2h"; units s, m, h, d;
 * spec 8.2). Level 1 is the first entry; levels above the last clamp to it.
 */
public class DelayLevelTable {

    private final long[] delayMillis;

    public DelayLevelTable(String messageDelayLevel) {
        List<Long> parsed = new ArrayList<>();
        for (String token : messageDelayLevel.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            parsed.add(parseDuration(token));
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("messageDelayLevel is empty: set it like \"1s 5s 10s 30s 1m\"");
        }
        this.delayMillis = parsed.stream().mapToLong(Long::longValue).toArray();
    }

    private static long parseDuration(String token) {
        char unit = token.charAt(token.length() - 1);
        long factor;
        switch (unit) {
            case 's':
                factor = 1000L;
                break;
            case 'm':
                factor = 60_000L;
                break;
            case 'h':
                factor = 3_600_000L;
                break;
            case 'd':
                factor = 86_400_000L;
                break;
            default:
                throw new IllegalArgumentException("bad delay level '" + token + "' in messageDelayLevel: use a number "
                    + "followed by s, m, h or d");
        }
        try {
            return Long.parseLong(token.substring(0, token.length() - 1)) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad delay level '" + token + "' in messageDelayLevel", e);
        }
    }

    /** The highest level (18 with the default table). */
    public int getMaxDelayLevel() {
        return delayMillis.length;
    }

    /** Delay of {@code level} in ms; levels above the maximum use the maximum's delay. */
    public long delayMillis(int level) {
        int clamped = Math.min(Math.max(level, 1), delayMillis.length);
        return delayMillis[clamped - 1];
    }

    /** When a message stored at {@code storeTimestamp} with {@code level} becomes due. */
    public long computeDeliverTimestamp(int level, long storeTimestamp) {
        return storeTimestamp + delayMillis(level);
    }
}
