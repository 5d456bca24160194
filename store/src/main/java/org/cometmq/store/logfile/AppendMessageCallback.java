package org.cometmq.store.logfile;

import java.nio.ByteBuffer;
import org.cometmq.store.AppendMessageResult;

/**
 * Writes one record (or one batch) into a file's buffer at an absolute position, under the writer's lock.
 *
 * @param <M> what is written
 */
@FunctionalInterface
public interface AppendMessageCallback<M> {

    /**
     * @param fileFromOffset global offset of the file's first byte
     * @param buffer         the whole file's buffer; write with absolute puts only, never move its position
     * @param position       where to start writing inside {@code buffer}
     * @param maxBlank       bytes left in the file from {@code position}
     * @param msg            the record to write
     * @return what was written; {@code wroteBytes} advances the file's write position
     */
    AppendMessageResult doAppend(long fileFromOffset, ByteBuffer buffer, int position, int maxBlank, M msg);
}
