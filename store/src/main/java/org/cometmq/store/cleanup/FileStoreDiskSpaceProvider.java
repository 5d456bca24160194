package org.cometmq.store.cleanup;

import org.cometmq.common.UtilAll;

/** The real disk usage, read from the file system. */
public class FileStoreDiskSpaceProvider implements DiskSpaceProvider {

    @Override
    public double usedRatio(String path) {
        return UtilAll.getDiskPartitionSpaceUsedPercent(path);
    }
}
