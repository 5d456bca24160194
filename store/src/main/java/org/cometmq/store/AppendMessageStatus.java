package org.cometmq.store;

/** Outcome of writing one message (or one batch) into a mapped file. */
public enum AppendMessageStatus {
    PUT_OK,
    /** The record did not fit; a blank record filled the file and the caller must retry in a new file. */
    END_OF_FILE,
    MESSAGE_SIZE_EXCEEDED,
    PROPERTIES_SIZE_EXCEEDED,
    UNKNOWN_ERROR,
}
