package org.cometmq.store;

/** Outcome of a put, as the broker maps it to a send response code. */
public enum PutMessageStatus {
    PUT_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE,
    /** The store is shut down, a slave, out of disk space or otherwise not writeable. */
    SERVICE_NOT_AVAILABLE,
    CREATE_MAPEDFILE_FAILED,
    MESSAGE_ILLEGAL,
    PROPERTIES_SIZE_EXCEEDED,
    /** The put lock was held too long: the page cache is busy. */
    OS_PAGECACHE_BUSY,
    UNKNOWN_ERROR,
    LMQ_CONSUME_QUEUE_NUM_EXCEEDED,
}
