package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;

/** UNREGISTER_CLIENT response (no fields). */
public class UnregisterClientResponseHeader implements CommandCustomHeader {
}
