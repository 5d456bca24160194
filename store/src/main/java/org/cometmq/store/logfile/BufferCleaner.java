package org.cometmq.store.logfile;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unmaps a direct or mapped buffer at once instead of waiting for the garbage collector. Uses
 * {@code sun.misc.Unsafe.invokeCleaner}, which the {@code jdk.unsupported} module exports without any
 * {@code --add-opens}; when that is unavailable the buffer is left to the collector.
 */
public final class BufferCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(BufferCleaner.class);
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = unsafeClass.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot unmap buffers eagerly ({}); mapped files are released by the garbage collector", e.toString());
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private BufferCleaner() {
    }

    /** True when buffers can be unmapped eagerly. */
    public static boolean isSupported() {
        return INVOKE_CLEANER != null;
    }

    /**
     * Frees the memory of {@code buffer}, which must be the original direct buffer (not a slice or duplicate)
     * and must never be touched again. Returns whether the memory was freed now.
     */
    public static boolean clean(ByteBuffer buffer) {
        if (buffer == null || !buffer.isDirect() || INVOKE_CLEANER == null) {
            return false;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("unmapping a buffer of {} bytes failed: {}", buffer.capacity(), e.toString());
            return false;
        }
    }
}
