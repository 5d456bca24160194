package org.cometmq.broker.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySizeTest {
    @TempDir
    Path tmp;

    private static void file(Path path, int bytes) throws IOException {
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[bytes]);
    }

    @Test
    void sizesTheRootAndItsPartsInOneWalk() throws IOException {
        Path root = tmp.resolve("store");
        file(root.resolve("commitlog/00000000000000000000"), 1000);
        file(root.resolve("commitlog/00000000000000001000"), 300);
        file(root.resolve("consumequeue/T/0/00000000000000000000"), 60);
        file(root.resolve("consumequeue/T/1/00000000000000000000"), 40);
        file(root.resolve("config/topics.json"), 7);
        file(tmp.resolve("elsewhere/commitlog/00000000000000000000"), 5000);
        // a relative spelling of a part under root still counts within root's walk
        Path relativeQueue = Path.of("").toAbsolutePath().relativize(root.resolve("consumequeue"));

        assertArrayEquals(new long[] {1407, 1300, 100},
            DirectorySize.of(root, root.resolve("commitlog"), relativeQueue));
        assertArrayEquals(new long[] {1407, 5000, 100}, DirectorySize.of(root, tmp.resolve("elsewhere/commitlog"),
            root.resolve("consumequeue")));
        assertArrayEquals(new long[] {0, 0},
            DirectorySize.of(tmp.resolve("missing"), tmp.resolve("missing/commitlog")));
    }

    @Test
    void aLinkCountsAsTheFileItPointsTo() throws IOException {
        Path root = tmp.resolve("store");
        file(tmp.resolve("target.bin"), 123);
        file(root.resolve("a.bin"), 10);
        Files.createSymbolicLink(root.resolve("link.bin"), tmp.resolve("target.bin"));
        Files.createSymbolicLink(root.resolve("dangling.bin"), tmp.resolve("gone.bin"));

        assertArrayEquals(new long[] {133}, DirectorySize.of(root));
    }
}
