package org.cometmq.store.logfile;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A write into a mapped file was not attempted because its disk blocks could not be reserved, typically "No space
 * left on device". Nothing was written; the same write can be retried once space is freed.
 */
public class DiskSpaceException extends UncheckedIOException {

    public DiskSpaceException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
