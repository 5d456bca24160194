package org.cometmq.namesrv;

import org.cometmq.acl.AclServerRPCHook;
import org.cometmq.acl.plain.AclFileWatcher;
import org.cometmq.acl.plain.PlainAccessValidator;
import org.cometmq.acl.plain.PlainPermissionManager;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.remoting.RemotingServer;

/**
 * The name server's ACL ({@code aclEnable=true}, beyond 4.9.7, whose name server checks nothing): the codes that
 * change the name server need a signed admin account of {@code <cometHome>/conf/plain_acl.yml}; the global white
 * list applies as on brokers.
 */
final class NamesrvAcl {

    private NamesrvAcl() {
    }

    /** Loads the ACL, installs the check on {@code server} and returns the (not yet started) file watcher. */
    static AclFileWatcher install(NamesrvConfig config, RemotingServer server) {
        PlainPermissionManager manager = new PlainPermissionManager(config.getCometHome());
        server.registerRPCHook(new AclServerRPCHook(PlainAccessValidator.forNamesrv(manager)));
        return new AclFileWatcher(manager, AclFileWatcher.DEFAULT_INTERVAL_MILLIS);
    }
}
