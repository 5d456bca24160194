package org.cometmq.store.ha;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.cometmq.store.DefaultMessageStore;
import org.cometmq.store.MessageExtBrokerInner;
import org.cometmq.store.StoreTestSupport;
import org.cometmq.store.config.BrokerRole;
import org.cometmq.store.config.MessageStoreConfig;

/** Stores for replication tests: loopback, a free HA port, small files. */
final class HATestSupport {

    private HATestSupport() {
    }

    /** A loaded and started store in {@code root} with {@code role}; {@code tweak} adjusts the config first. */
    static DefaultMessageStore open(Path root, BrokerRole role, Clock clock, Consumer<MessageStoreConfig> tweak)
        throws Exception {
        MessageStoreConfig config = StoreTestSupport.smallConfig(root);
        config.setBrokerRole(role);
        config.setHaListenPort(0);
        tweak.accept(config);
        DefaultMessageStore store = new DefaultMessageStore(config, (t, q, o, c, s, f, p) -> { },
            new org.cometmq.store.cleanup.FileStoreDiskSpaceProvider(), clock);
        if (!store.load()) {
            throw new IllegalStateException("store under " + root + " did not load");
        }
        store.start();
        return store;
    }

    static DefaultMessageStore open(Path root, BrokerRole role, Consumer<MessageStoreConfig> tweak) throws Exception {
        return open(root, role, Clock.systemUTC(), tweak);
    }

    /** Where a slave connects to reach {@code master}'s HA server. */
    static String haAddress(DefaultMessageStore master) {
        return "127.0.0.1:" + master.getHaService().getLocalPort();
    }

    /** Message {@code i} of a test run: topic T, queues 0..3, a key and a numbered body. */
    static MessageExtBrokerInner message(int i) {
        return StoreTestSupport.message("T", i % 4, StoreTestSupport.numberedBody(i), "tag" + (i % 3),
            StoreTestSupport.keyOf(i));
    }
}
