package org.cometmq.tools.monitor;

import org.cometmq.common.protocol.topic.OffsetMovedEvent;

/** A broker moved a group's offset past messages (an OFFSET_MOVED_EVENT message), and when it was stored. */
public class DeleteMsgsEvent {
    private OffsetMovedEvent offsetMovedEvent;
    private long eventTimestamp;

    public OffsetMovedEvent getOffsetMovedEvent() {
        return offsetMovedEvent;
    }

    public void setOffsetMovedEvent(OffsetMovedEvent offsetMovedEvent) {
        this.offsetMovedEvent = offsetMovedEvent;
    }

    public long getEventTimestamp() {
        return eventTimestamp;
    }

    public void setEventTimestamp(long eventTimestamp) {
        this.eventTimestamp = eventTimestamp;
    }

    @Override
    public String toString() {
        return "DeleteMsgsEvent [offsetMovedEvent=" + offsetMovedEvent + ", eventTimestamp=" + eventTimestamp + "]";
    }
}
