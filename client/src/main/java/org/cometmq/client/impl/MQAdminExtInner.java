package org.cometmq.client.impl;

/** Marker for admin tools hosted by a client instance (registered so the instance knows it is in use). */
public interface MQAdminExtInner {
}
