package org.cometmq.store;

import java.nio.ByteBuffer;
import java.util.Map;

/** Decides during a pull which messages a consumer gets: first by consume-queue tag hash, then by the record. */
public interface MessageFilter {

    /**
     * @param tagsCode the consume-queue entry's tag hash ({@code null} when unknown)
     * @param filterBitMap bloom-filter bits of the entry; always {@code null} here, as this store keeps no
     *     consume-queue extension (4.x passes a {@code CqExtUnit} holding them)
     */
    boolean isMatchedByConsumeQueue(Long tagsCode, byte[] filterBitMap);

    /**
     * @param msgBuffer the whole stored record
     * @param properties its properties when already decoded, else {@code null}
     */
    boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties);
}
