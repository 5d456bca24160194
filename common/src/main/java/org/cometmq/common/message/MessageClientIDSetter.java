package org.cometmq.common.message;

import java.nio.ByteBuffer;
import java.util.Calendar;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometmq.common.UtilAll;

/**
 * Creates and reads the producer's unique message id (UNIQ_KEY): uppercase hex of client IP (4 or 16 bytes),
 * pid (2), class-loader hash (4), milliseconds since the start of the current month (4) and a counter (2).
 */
public final class MessageClientIDSetter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final AtomicInteger COUNTER = new AtomicInteger(0);

    /** Hex of the per-process prefix (IP, pid, class-loader hash), copied into every id. */
    private static final char[] FIX_CHARS;
    /** Length of an id in characters: 32 for an IPv4 client, 56 for IPv6. */
    private static final int ID_CHARS;

    private static volatile long startTime;
    private static volatile long nextStartTime;

    static {
        byte[] ip = UtilAll.getIP();
        ByteBuffer prefix = ByteBuffer.allocate(ip.length + 2 + 4);
        prefix.put(ip);
        prefix.putShort((short) UtilAll.getPid());
        prefix.putInt(MessageClientIDSetter.class.getClassLoader() == null
            ? 0 : MessageClientIDSetter.class.getClassLoader().hashCode());
        FIX_CHARS = UtilAll.bytes2string(prefix.array()).toCharArray();
        ID_CHARS = FIX_CHARS.length + (4 + 2) * 2;
        setStartTime(System.currentTimeMillis());
    }

    private MessageClientIDSetter() {
    }

    private static synchronized void setStartTime(long millis) {
        if (millis < nextStartTime && millis >= startTime) {
            return;
        }
        Calendar cal = Calendar.getInstance();
        cal.setTimeInMillis(millis);
        cal.set(Calendar.DAY_OF_MONTH, 1);
        cal.set(Calendar.HOUR_OF_DAY, 0);
        cal.set(Calendar.MINUTE, 0);
        cal.set(Calendar.SECOND, 0);
        cal.set(Calendar.MILLISECOND, 0);
        startTime = cal.getTimeInMillis();
        cal.add(Calendar.MONTH, 1);
        nextStartTime = cal.getTimeInMillis();
    }

    /** A new unique id; allocates only its char array and the string. */
    public static String createUniqID() {
        long current = System.currentTimeMillis();
        if (current >= nextStartTime || current < startTime) {
            setStartTime(current);
        }
        int time = (int) (current - startTime);
        int counter = COUNTER.getAndIncrement() & 0xFFFF;
        char[] id = new char[ID_CHARS];
        System.arraycopy(FIX_CHARS, 0, id, 0, FIX_CHARS.length);
        int pos = FIX_CHARS.length;
        for (int shift = 28; shift >= 0; shift -= 4) {
            id[pos++] = HEX[(time >>> shift) & 0xF];
        }
        for (int shift = 12; shift >= 0; shift -= 4) {
            id[pos++] = HEX[(counter >>> shift) & 0xF];
        }
        return new String(id);
    }

    /** Sets UNIQ_KEY unless the message already has one (a retried send keeps its id). */
    public static void setUniqID(Message msg) {
        if (msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX) == null) {
            msg.putProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, createUniqID());
        }
    }

    public static String getUniqID(Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    }

    private static int ipLength(byte[] idBytes) {
        return idBytes.length == 28 ? 16 : 4;
    }

    /** The client IP bytes (4 or 16) at the start of the id. */
    public static byte[] getIPFromID(String msgID) {
        byte[] bytes = UtilAll.string2bytes(msgID);
        byte[] ip = new byte[ipLength(bytes)];
        System.arraycopy(bytes, 0, ip, 0, ip.length);
        return ip;
    }

    public static String getIPStrFromID(String msgID) {
        byte[] ip = getIPFromID(msgID);
        return ip.length == 16 ? UtilAll.ipToIPv6Str(ip) : UtilAll.ipToIPv4Str(ip);
    }

    /** The low 16 bits of the creating process id. */
    public static int getPidFromID(String msgID) {
        byte[] bytes = UtilAll.string2bytes(msgID);
        return ByteBuffer.wrap(bytes).getShort(ipLength(bytes)) & 0xFFFF;
    }

    /**
     * The creation time, assuming the id was made less than a month ago: the id only holds milliseconds
     * since the start of its month.
     */
    public static Date getNearlyTimeFromID(String msgID) {
        byte[] bytes = UtilAll.string2bytes(msgID);
        long spanMs = ByteBuffer.wrap(bytes).getInt(ipLength(bytes) + 2 + 4) & 0xFFFFFFFFL;
        Calendar cal = Calendar.getInstance();
        long now = cal.getTimeInMillis();
        cal.set(Calendar.DAY_OF_MONTH, 1);
        cal.set(Calendar.HOUR_OF_DAY, 0);
        cal.set(Calendar.MINUTE, 0);
        cal.set(Calendar.SECOND, 0);
        cal.set(Calendar.MILLISECOND, 0);
        if (cal.getTimeInMillis() + spanMs > now) {
            cal.add(Calendar.MONTH, -1);
        }
        return new Date(cal.getTimeInMillis() + spanMs);
    }
}
