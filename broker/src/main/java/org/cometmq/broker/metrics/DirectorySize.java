package org.cometmq.broker.metrics;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Bytes of the regular files under a directory, read at scrape time; files deleted meanwhile count as 0. The
 * sizes of some of its subdirectories come from the same walk, so a scrape reads each file's attributes once.
 */
final class DirectorySize {
    private DirectorySize() {
    }

    /** Bytes under {@code root}, then under each of {@code parts}; a part outside root is walked on its own. */
    static long[] of(Path root, Path... parts) {
        Path top = root.toAbsolutePath().normalize();
        Path[] inside = new Path[parts.length];
        long[] sizes = new long[parts.length + 1];
        for (int i = 0; i < parts.length; i++) {
            Path part = parts[i].toAbsolutePath().normalize();
            if (part.startsWith(top)) {
                inside[i] = part;
            } else {
                sizes[i + 1] = walk(part, new Path[0], new long[1])[0];
            }
        }
        long[] walked = walk(top, inside, new long[parts.length + 1]);
        for (int i = 0; i < walked.length; i++) {
            sizes[i] += walked[i];
        }
        return sizes;
    }

    /** sizes[0] gets every file's bytes, sizes[i + 1] those under parts[i] (null: not counted here). */
    private static long[] walk(Path dir, Path[] parts, long[] sizes) {
        if (!Files.isDirectory(dir)) {
            return sizes;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    long size = sizeOf(file, attributes);
                    sizes[0] += size;
                    for (int i = 0; i < parts.length; i++) {
                        if (parts[i] != null && file.startsWith(parts[i])) {
                            sizes[i + 1] += size;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            // a folder removed by cleaning while walking: the next scrape counts again
            return new long[sizes.length];
        }
        return sizes;
    }

    /** A link counts as the regular file it points to, if it points to one. */
    private static long sizeOf(Path file, BasicFileAttributes attributes) throws IOException {
        if (!attributes.isSymbolicLink()) {
            return attributes.isRegularFile() ? attributes.size() : 0;
        }
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
