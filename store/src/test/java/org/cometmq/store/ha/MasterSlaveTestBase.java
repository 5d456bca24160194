package org.cometmq.store.ha;

import java.nio.file.Path;
import org.cometmq.store.DefaultMessageStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A master and a slave store under one temp dir, shut down after each test. */
abstract class MasterSlaveTestBase {

    @TempDir
    Path dir;
    DefaultMessageStore master;
    DefaultMessageStore slave;

    @AfterEach
    void shutDownStores() {
        if (slave != null) {
            slave.shutdown();
        }
        if (master != null) {
            master.shutdown();
        }
    }
}
