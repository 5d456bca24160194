package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;

/** GET_ALL_TOPIC_CONFIG response (no fields; the configs are the body). */
public class GetAllTopicConfigResponseHeader implements CommandCustomHeader {
}
