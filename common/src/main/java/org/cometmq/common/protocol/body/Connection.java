package org.cometmq.common.protocol.body;

import java.util.Objects;
import org.cometmq.remoting.protocol.LanguageCode;

/** One client connection as the broker sees it: id, peer address, language and protocol version. */
public class Connection {
    private String clientId;
    private String clientAddr;
    private LanguageCode language;
    private int version;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientAddr() {
        return clientAddr;
    }

    public void setClientAddr(String clientAddr) {
        this.clientAddr = clientAddr;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public void setLanguage(LanguageCode language) {
        this.language = language;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Connection)) {
            return false;
        }
        Connection that = (Connection) o;
        return version == that.version && Objects.equals(clientId, that.clientId)
            && Objects.equals(clientAddr, that.clientAddr) && language == that.language;
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, clientAddr, language, version);
    }
}
