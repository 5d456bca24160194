package org.cometmq.common.protocol.header.namesrv;

import org.cometmq.remoting.CommandCustomHeader;

/** GET_ROUTEINFO_BY_TOPIC (105) answer; the route travels in the body. */
public class GetRouteInfoResponseHeader implements CommandCustomHeader {
}
