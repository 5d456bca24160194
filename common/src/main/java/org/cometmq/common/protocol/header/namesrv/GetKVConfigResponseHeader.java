package org.cometmq.common.protocol.header.namesrv;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNullable;

/** GET_KV_CONFIG (101) answer. */
public class GetKVConfigResponseHeader implements CommandCustomHeader {
    @CFNullable
    private String value;

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "GetKVConfigResponseHeader[value=" + value + "]";
    }
}
