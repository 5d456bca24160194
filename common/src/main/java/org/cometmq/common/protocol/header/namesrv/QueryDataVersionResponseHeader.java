package org.cometmq.common.protocol.header.namesrv;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** QUERY_DATA_VERSION (322) answer: whether the name server's copy differs. */
public class QueryDataVersionResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Boolean changed;

    public Boolean getChanged() {
        return changed;
    }

    public void setChanged(Boolean changed) {
        this.changed = changed;
    }

    @Override
    public String toString() {
        return "QueryDataVersionResponseHeader[changed=" + changed + "]";
    }
}
