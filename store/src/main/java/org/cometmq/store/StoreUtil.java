package org.cometmq.store;

import java.lang.management.ManagementFactory;

/** Machine facts the store sizes itself by. */
public final class StoreUtil {

    /** Physical memory of the machine in bytes (24 GiB when it cannot be read). */
    public static final long TOTAL_PHYSICAL_MEMORY_SIZE = readTotalPhysicalMemory();

    private StoreUtil() {
    }

    private static long readTotalPhysicalMemory() {
        try {
            java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
            if (bean instanceof com.sun.management.OperatingSystemMXBean) {
                long total = ((com.sun.management.OperatingSystemMXBean) bean).getTotalMemorySize();
                if (total > 0) {
                    return total;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // Fall through to the default.
        }
        return 24L * 1024 * 1024 * 1024;
    }
}
