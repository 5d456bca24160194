package org.cometmq.namesrv;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.cometmq.common.namesrv.NamesrvConfig;
import org.cometmq.remoting.netty.NettyClientConfig;
import org.cometmq.remoting.netty.NettyRemotingClient;
import org.cometmq.remoting.netty.NettyServerConfig;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.testkit.ManualClock;

/**
 * A real name server (controller + Netty server) on an ephemeral 127.0.0.1 port with files in {@code dir},
 * and a Netty client connected to it. The controller's clock is {@link #clock}.
 */
public final class NamesrvTestServer implements AutoCloseable {
    public final ManualClock clock = new ManualClock(System.currentTimeMillis());
    public final NamesrvController controller;
    public final NettyRemotingClient client;
    public final String addr;

    public NamesrvTestServer(Path dir) throws Exception {
        this(dir, config -> { });
    }

    /** As above, with {@code settings} applied to the name server config before it starts. */
    public NamesrvTestServer(Path dir, Consumer<NamesrvConfig> settings) throws Exception {
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        namesrvConfig.setConfigStorePath(dir.resolve("namesrv.properties").toString());
        settings.accept(namesrvConfig);
        NettyServerConfig serverConfig = new NettyServerConfig();
        serverConfig.setListenPort(0);
        serverConfig.setBindAddress("127.0.0.1");
        controller = new NamesrvController(namesrvConfig, serverConfig, clock);
        if (!controller.initialize()) {
            throw new IllegalStateException("name server did not initialize");
        }
        controller.start();
        addr = "127.0.0.1:" + controller.getRemotingServer().localListenPort();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    public RemotingCommand call(RemotingCommand request) throws Exception {
        return client.invokeSync(addr, request, 5_000);
    }

    @Override
    public void close() {
        client.shutdown();
        controller.shutdown();
    }
}
