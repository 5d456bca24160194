package org.cometmq.remoting;

/** Lifecycle shared by the remoting server and client. */
public interface RemotingService {

    /** Binds or prepares the transport and starts background threads. */
    void start();

    /** Closes channels and stops every thread this service started, each within a bounded time. */
    void shutdown();

    /** Adds a hook run around every request this service sends or serves, in registration order. */
    void registerRPCHook(RPCHook rpcHook);
}
