package org.cometmq.test.namesrv;

import org.cometmq.test.harness.CometNamesrv;
import org.cometmq.test.harness.NameServerProcess;

/** Two CometMQ name servers behind one Apache 4.9.7 broker; one of them stops half-way. */
class TwoNamesrvIT extends TwoNameServersScenario {

    @Override
    protected NameServerProcess startNameServer(String name) {
        return CometNamesrv.start(name);
    }
}
