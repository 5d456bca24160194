package org.cometmq.common.protocol.header.namesrv;

/** UNREGISTER_BROKER (104). */
public class UnRegisterBrokerRequestHeader extends BrokerIdentityRequestHeader {
}
