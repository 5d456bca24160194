package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;

/** END_TRANSACTION response (no fields). */
public class EndTransactionResponseHeader implements CommandCustomHeader {
}
