package org.cometmq.test.namesrv;

import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.NameServerProcess;

/**
 * CometMQ's name server (started by the distribution's {@code bin/mqnamesrv}) with an Apache 4.9.7 broker
 * registering with it and Apache's admin, producer and push consumer using it. Same assertions as
 * {@link ApacheBrokerOnApacheNamesrvIT}.
 */
class ApacheBrokerOnCometNamesrvIT extends BrokerOnNameServerScenario {

    @Override
    protected NameServerProcess startNameServer(String name) {
        return CometNamesrv.start(name);
    }
}
