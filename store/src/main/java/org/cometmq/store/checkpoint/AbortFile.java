package org.cometmq.store.checkpoint;

import java.io.File;
import java.io.IOException;
import org.cometmq.store.config.StorePathConfigHelper;
import org.cometmq.store.logfile.MappedFile;

/** The {@code abort} marker: present while a store runs, removed by a clean shutdown (spec 7.6). */
public class AbortFile {

    private final File file;

    public AbortFile(String storePathRootDir) {
        this.file = new File(StorePathConfigHelper.getAbortFile(storePathRootDir));
    }

    /** True when the previous run did not shut down cleanly. */
    public boolean exists() {
        return file.exists();
    }

    public void create() throws IOException {
        MappedFile.ensureDirOK(file.getParent());
        if (!file.exists() && !file.createNewFile() && !file.exists()) {
            throw new IOException("cannot create " + file);
        }
    }

    public void delete() {
        if (file.exists() && !file.delete()) {
            org.slf4j.LoggerFactory.getLogger(AbortFile.class).warn("cannot delete {}", file);
        }
    }
}
