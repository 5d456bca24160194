package org.cometmq.broker.client;

import io.netty.channel.Channel;
import java.util.Objects;
import org.cometmq.remoting.protocol.LanguageCode;

/** One client connection registered by heartbeat: its channel, id, language, version and last heartbeat time. */
public class ClientChannelInfo {
    private final Channel channel;
    private final String clientId;
    private final LanguageCode language;
    private final int version;
    private volatile long lastUpdateTimestamp;

    public ClientChannelInfo(Channel channel, String clientId, LanguageCode language, int version, long now) {
        this.channel = channel;
        this.clientId = clientId;
        this.language = language;
        this.version = version;
        this.lastUpdateTimestamp = now;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getClientId() {
        return clientId;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public int getVersion() {
        return version;
    }

    public long getLastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }

    public void setLastUpdateTimestamp(long lastUpdateTimestamp) {
        this.lastUpdateTimestamp = lastUpdateTimestamp;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ClientChannelInfo)) {
            return false;
        }
        ClientChannelInfo that = (ClientChannelInfo) o;
        return Objects.equals(channel, that.channel) && Objects.equals(clientId, that.clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, clientId);
    }

    @Override
    public String toString() {
        return "ClientChannelInfo[clientId=" + clientId + ", channel=" + channel + ", language=" + language
            + ", version=" + version + ", lastUpdateTimestamp=" + lastUpdateTimestamp + "]";
    }
}
