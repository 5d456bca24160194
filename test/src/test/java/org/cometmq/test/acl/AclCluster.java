package org.cometmq.test.acl;

import java.util.Map;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.NameServerProcess;

/** A name server and a master broker with {@code aclEnable=true} and the given {@code conf/plain_acl.yml}. */
record AclCluster(String kind, NameServerProcess namesrv, String brokerAddr, AutoCloseable broker)
    implements AutoCloseable {
    static final String CLUSTER_NAME = "AclItCluster";

    String namesrvAddr() {
        return namesrv.address();
    }

    static AclCluster apache(String name, String aclYaml, Map<String, String> brokerSettings) {
        ApacheNamesrv namesrv = ApacheNamesrv.start(name + "-namesrv");
        try {
            ApacheBroker.Builder builder = ApacheBroker.builder(name + "-broker").clusterName(CLUSTER_NAME)
                .namesrvAddr(namesrv.address()).property("aclEnable", "true").homeFile("conf/plain_acl.yml", aclYaml);
            brokerSettings.forEach(builder::property);
            ApacheBroker broker = builder.start();
            return new AclCluster("apache", namesrv, broker.address(), broker);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    static AclCluster comet(String name, String aclYaml, Map<String, String> brokerSettings) {
        CometNamesrv namesrv = CometNamesrv.start(name + "-namesrv");
        try {
            CometBroker.Builder builder = CometBroker.builder(name + "-broker").clusterName(CLUSTER_NAME)
                .namesrvAddr(namesrv.address()).property("aclEnable", "true").homeFile("conf/plain_acl.yml", aclYaml);
            brokerSettings.forEach(builder::property);
            CometBroker broker = builder.start();
            return new AclCluster("comet", namesrv, broker.address(), broker);
        } catch (RuntimeException | Error e) {
            namesrv.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the " + kind + " broker", e);
        } finally {
            namesrv.close();
        }
    }
}
