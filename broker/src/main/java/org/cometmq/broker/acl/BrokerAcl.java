package org.cometmq.broker.acl;

import org.cometmq.acl.AccessValidator;
import org.cometmq.acl.AclServerRPCHook;
import org.cometmq.acl.plain.AclFileWatcher;
import org.cometmq.acl.plain.PlainAccessValidator;
import org.cometmq.acl.plain.PlainPermissionManager;
import org.cometmq.acl.plain.TransactionTopicResolver;
import org.cometmq.common.BrokerConfig;
import org.cometmq.remoting.RemotingServer;

/**
 * The broker's plain ACL when {@code aclEnable=true}: loads {@code <home>/conf/plain_acl.yml} (home =
 * {@code rocketmqHome}, else the distribution's {@code comet.home.dir}), checks every request before its
 * processor, and re-reads the files when they change.
 */
public final class BrokerAcl {
    public static final String COMET_HOME_PROPERTY = "comet.home.dir";

    private final PlainAccessValidator validator;
    private final AclFileWatcher watcher;

    private BrokerAcl(PlainAccessValidator validator, AclFileWatcher watcher) {
        this.validator = validator;
        this.watcher = watcher;
    }

    /** Loads the ACL files; throws AclException naming the problem when they cannot be used. */
    public static BrokerAcl create(BrokerConfig config, TransactionTopicResolver transactionTopics) {
        PlainPermissionManager manager = new PlainPermissionManager(aclHome(config));
        return new BrokerAcl(new PlainAccessValidator(manager, transactionTopics),
            new AclFileWatcher(manager, AclFileWatcher.DEFAULT_INTERVAL_MILLIS));
    }

    static String aclHome(BrokerConfig config) {
        String home = config.getRocketmqHome();
        return home != null && !home.isBlank() ? home : System.getProperty(COMET_HOME_PROPERTY);
    }

    /** Installs the check on {@code server}; it runs on the processor's executor, before the processor. */
    public void install(RemotingServer server) {
        server.registerRPCHook(new AclServerRPCHook(validator));
    }

    public void start() {
        watcher.start();
    }

    public void shutdown() {
        watcher.shutdown();
    }

    public AccessValidator getValidator() {
        return validator;
    }
}
