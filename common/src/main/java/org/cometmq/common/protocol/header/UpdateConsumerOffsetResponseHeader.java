package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;

/** UPDATE_CONSUMER_OFFSET response (no fields). */
public class UpdateConsumerOffsetResponseHeader implements CommandCustomHeader {
}
