package org.cometmq.test.acl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.test.broker.CometBroker;
import org.cometmq.test.harness.ApacheBroker;
import org.cometmq.test.harness.ApacheClients;
import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.CrossProcess;
import org.cometmq.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * A slave's metadata reads (GET_ALL_TOPIC_CONFIG and the other three) of a CometMQ master with {@code aclEnable=true}
 * whose ACL file whitelists no address. A CometMQ slave signs them with the account of its {@code innerAccessKey} /
 * {@code innerSecretKey} and copies the master's topics and groups; an Apache 4.9.7 slave of the same master sends
 * them unsigned, as 4.9.7 always does, and is refused, so it copies nothing.
 */
@CrossProcess
class SlaveSyncUnderAclIT {
    private static final String CLUSTER = "SlaveAclCluster";
    private static final String TOPIC = "SlaveAclTopic";
    private static final String GROUP = "SlaveAclGroup";
    private static final String ACL_YAML = String.join("\n",
        "accounts:",
        "  - accessKey: slaveSync01",
        "    secretKey: slaveSyncSecret",
        "    defaultTopicPerm: DENY",
        "    defaultGroupPerm: DENY",
        "  - accessKey: aclAdmin01",
        "    secretKey: adminSecret01",
        "    admin: true",
        "");
    /** 4.9.7's slave reads its master's metadata 3 s after start, then every 10 s. */
    private static final Duration SYNC_PERIOD = Duration.ofSeconds(10);

    @Test
    void aSignedSlaveCopiesTheMasterAndAnUnsignedOneIsRefused() throws Exception {
        try (CometNamesrv namesrv = CometNamesrv.start("slave-acl-namesrv");
             CometBroker master = CometBroker.builder("slave-acl-master").clusterName(CLUSTER)
                 .namesrvAddr(namesrv.address()).property("brokerName", "slave-acl-broker")
                 .property("brokerIP2", "127.0.0.1").property("aclEnable", "true")
                 .homeFile("conf/plain_acl.yml", ACL_YAML).start();
             CometBroker signedSlave = slave(CometBroker.builder("slave-acl-signed"), namesrv.address(), 1)
                 .property("innerAccessKey", "slaveSync01").property("innerSecretKey", "slaveSyncSecret").start();
             ApacheBroker unsignedSlave = apacheSlave(namesrv.address())) {
            DefaultMQAdminExt admin = ApacheClients.startedAdmin(namesrv.address(),
                AclScenario.hook("aclAdmin01", "adminSecret01"));
            DefaultMQAdminExt plainAdmin = ApacheClients.startedAdmin(namesrv.address());
            try {
                admin.createAndUpdateTopicConfig(master.address(), new TopicConfig(TOPIC, 4, 4, 6));
                SubscriptionGroupConfig group = new SubscriptionGroupConfig();
                group.setGroupName(GROUP);
                admin.createAndUpdateSubscriptionGroupConfig(master.address(), group);
                long created = System.nanoTime();

                Await.untilTrue("the signed CometMQ slave has the master's topic and group", SYNC_PERIOD.multipliedBy(3),
                    () -> topics(plainAdmin, signedSlave.address()).contains(TOPIC)
                        && plainAdmin.getAllSubscriptionGroup(signedSlave.address(), 3_000)
                            .getSubscriptionGroupTable().containsKey(GROUP));

                // both slaves registered under the master's name, so each knows its master's address
                Await.untilTrue("three brokers of one name", SYNC_PERIOD.multipliedBy(4),
                    () -> plainAdmin.examineBrokerClusterInfo().getBrokerAddrTable().get("slave-acl-broker")
                        .getBrokerAddrs().keySet().equals(Set.of(0L, 1L, 2L)));
                assertTrue(topics(plainAdmin, unsignedSlave.address()).contains("SELF_TEST_TOPIC"), "the slave answers");
                // one more full period after the creation, so that the unsigned slave has tried at least once since
                long waited = Duration.ofNanos(System.nanoTime() - created).toMillis();
                Thread.sleep(Math.max(0, SYNC_PERIOD.toMillis() + 2_000 - waited));
                assertFalse(topics(plainAdmin, unsignedSlave.address()).contains(TOPIC),
                    "4.9.7's slave reads unsigned and an ACL master without a whitelist refuses it");
            } finally {
                admin.shutdown();
                plainAdmin.shutdown();
            }
        }
    }

    private static CometBroker.Builder slave(CometBroker.Builder builder, String namesrvAddr, int brokerId) {
        return builder.clusterName(CLUSTER).namesrvAddr(namesrvAddr).property("brokerName", "slave-acl-broker")
            .property("brokerIP2", "127.0.0.1").property("brokerId", String.valueOf(brokerId))
            .property("brokerRole", "SLAVE");
    }

    private static ApacheBroker apacheSlave(String namesrvAddr) {
        return ApacheBroker.builder("slave-acl-unsigned").clusterName(CLUSTER).namesrvAddr(namesrvAddr)
            .property("brokerName", "slave-acl-broker").property("brokerIP2", "127.0.0.1")
            .property("brokerId", "2").property("brokerRole", "SLAVE").start();
    }

    private static Set<String> topics(DefaultMQAdminExt admin, String brokerAddr) throws Exception {
        return admin.getAllTopicConfig(brokerAddr, 3_000).getTopicConfigTable().keySet();
    }
}
