package org.cometmq.common.protocol.header;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** GET_BROKER_CONFIG response: the configuration's DataVersion JSON. */
public class GetBrokerConfigResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private String version;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
