package org.cometmq.test.namesrv;

import org.cometmq.test.harness.ApacheNamesrv;
import org.cometmq.test.harness.NameServerProcess;

/**
 * Reference run: Apache 4.9.7 name server, broker and clients. It proves the harness and records what
 * {@link ApacheBrokerOnCometNamesrvIT} expects of our name server.
 */
class ApacheBrokerOnApacheNamesrvIT extends BrokerOnNameServerScenario {

    @Override
    protected NameServerProcess startNameServer(String name) {
        return ApacheNamesrv.start(name);
    }
}
