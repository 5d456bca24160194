package org.cometmq.common.protocol.header.namesrv;

/** QUERY_DATA_VERSION (322); the broker's DataVersion travels in the body. */
public class QueryDataVersionRequestHeader extends BrokerIdentityRequestHeader {
}
