package org.cometmq.acl.plain;

/** A compiled remote-address pattern of the ACL file. */
public interface RemoteAddressStrategy {

    /** Whether the peer IP (no port, no brackets) matches. */
    boolean match(String ip);
}
