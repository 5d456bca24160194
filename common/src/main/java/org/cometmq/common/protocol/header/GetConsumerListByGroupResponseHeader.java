package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;

/** GET_CONSUMER_LIST_BY_GROUP response (no fields; the list is the body). */
public class GetConsumerListByGroupResponseHeader implements CommandCustomHeader {
}
