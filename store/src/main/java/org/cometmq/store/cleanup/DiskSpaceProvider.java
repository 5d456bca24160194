package org.cometmq.store.cleanup;

/** Reports how full the disk holding a path is; tests substitute a fake to simulate a full disk. */
@FunctionalInterface
public interface DiskSpaceProvider {

    /** Used fraction (0.0 to 1.0) of the partition holding {@code path}; negative when unknown. */
    double usedRatio(String path);
}
