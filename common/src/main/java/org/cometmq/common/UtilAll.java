package org.cometmq.common;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Small stateless helpers: CRC, hex, file names, time strings, zlib, disk usage, local address. */
public final class UtilAll {
    public static final String YYYY_MM_DD_HH_MM_SS = "yyyy-MM-dd HH:mm:ss";
    public static final String YYYY_MM_DD_HH_MM_SS_SSS = "yyyy-MM-dd#HH:mm:ss:SSS";
    public static final String YYYYMMDDHHMMSS = "yyyyMMddHHmmss";

    private static final char[] HEX_ARRAY = "0123456789ABCDEF".toCharArray();

    private UtilAll() {
    }

    public static int getPid() {
        return (int) ProcessHandle.current().pid();
    }

    /** CRC-32 (zlib polynomial) of the array with the top bit cleared, as stored in BODYCRC. */
    public static int crc32(byte[] array) {
        return array == null ? 0 : crc32(array, 0, array.length);
    }

    public static int crc32(byte[] array, int offset, int length) {
        CRC32 crc32 = new CRC32();
        crc32.update(array, offset, length);
        return (int) (crc32.getValue() & 0x7FFFFFFF);
    }

    /** A commit-log or consume-queue file name: the start offset left-padded with zeros to 20 digits. */
    public static String offset2FileName(long offset) {
        String digits = Long.toString(offset);
        StringBuilder sb = new StringBuilder(20);
        for (int i = digits.length(); i < 20; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    public static long computeElapsedTimeMilliseconds(long beginTime) {
        return System.currentTimeMillis() - beginTime;
    }

    public static boolean isItTimeToDo(String when) {
        String[] whiles = when.split(";");
        int nowHour = Calendar.getInstance().get(Calendar.HOUR_OF_DAY);
        for (String w : whiles) {
            try {
                if (Integer.parseInt(w.trim()) == nowHour) {
                    return true;
                }
            } catch (NumberFormatException ignored) {
                // a malformed hour never matches
            }
        }
        return false;
    }

    /** {@code yyyyMMddHHmmssSSS} of the current time. */
    public static String timeMillisToHumanString() {
        return timeMillisToHumanString(System.currentTimeMillis());
    }

    /** {@code yyyyMMddHHmmssSSS} in the local time zone, e.g. {@code 20240131235959123}. */
    public static String timeMillisToHumanString(long t) {
        Calendar cal = Calendar.getInstance();
        cal.setTimeInMillis(t);
        return String.format("%04d%02d%02d%02d%02d%02d%03d", cal.get(Calendar.YEAR), cal.get(Calendar.MONTH) + 1,
            cal.get(Calendar.DAY_OF_MONTH), cal.get(Calendar.HOUR_OF_DAY), cal.get(Calendar.MINUTE),
            cal.get(Calendar.SECOND), cal.get(Calendar.MILLISECOND));
    }

    /** {@code yyyy-MM-dd HH:mm:ss,SSS} in the local time zone. */
    public static String timeMillisToHumanString2(long t) {
        Calendar cal = Calendar.getInstance();
        cal.setTimeInMillis(t);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d,%03d", cal.get(Calendar.YEAR), cal.get(Calendar.MONTH) + 1,
            cal.get(Calendar.DAY_OF_MONTH), cal.get(Calendar.HOUR_OF_DAY), cal.get(Calendar.MINUTE),
            cal.get(Calendar.SECOND), cal.get(Calendar.MILLISECOND));
    }

    /** {@code yyyyMMddHHmmss} in the local time zone. */
    public static String timeMillisToHumanString3(long t) {
        Calendar cal = Calendar.getInstance();
        cal.setTimeInMillis(t);
        return String.format("%04d%02d%02d%02d%02d%02d", cal.get(Calendar.YEAR), cal.get(Calendar.MONTH) + 1,
            cal.get(Calendar.DAY_OF_MONTH), cal.get(Calendar.HOUR_OF_DAY), cal.get(Calendar.MINUTE),
            cal.get(Calendar.SECOND));
    }

    public static String formatDate(Date date, String pattern) {
        return new SimpleDateFormat(pattern).format(date);
    }

    public static Date parseDate(String date, String pattern) {
        try {
            return new SimpleDateFormat(pattern).parse(date);
        } catch (java.text.ParseException e) {
            return null;
        }
    }

    /**
     * Fraction (0.0 to 1.0) of the partition holding {@code path} that is used; -1 when the path
     * does not exist or its size cannot be read.
     */
    public static double getDiskPartitionSpaceUsedPercent(String path) {
        if (path == null || path.isEmpty()) {
            return -1;
        }
        try {
            // A store directory is created on its first write; until then its partition is its nearest existing parent's.
            File file = new File(path).getAbsoluteFile();
            while (file != null && !file.exists()) {
                file = file.getParentFile();
            }
            if (file == null) {
                return -1;
            }
            long totalSpace = file.getTotalSpace();
            if (totalSpace <= 0) {
                return -1;
            }
            long usedSpace = totalSpace - file.getFreeSpace();
            long usableSpace = file.getUsableSpace();
            long entireSpace = usedSpace + usableSpace;
            return entireSpace <= 0 ? -1 : usedSpace / (double) entireSpace;
        } catch (SecurityException e) {
            return -1;
        }
    }

    public static int crc32(String s) {
        return crc32(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Uppercase hex of the bytes, two characters per byte. */
    public static String bytes2string(byte[] src) {
        char[] hexChars = new char[src.length * 2];
        for (int j = 0; j < src.length; j++) {
            int v = src[j] & 0xFF;
            hexChars[j * 2] = HEX_ARRAY[v >>> 4];
            hexChars[j * 2 + 1] = HEX_ARRAY[v & 0x0F];
        }
        return new String(hexChars);
    }

    /**
     * Parses hex (upper or lower case) into bytes.
     *
     * @throws IllegalArgumentException when the length is odd or a character is not hex
     */
    public static byte[] string2bytes(String hexString) {
        if (hexString == null || hexString.isEmpty()) {
            return new byte[0];
        }
        int length = hexString.length();
        if ((length & 1) != 0) {
            throw new IllegalArgumentException("Hex string has odd length " + length + ": " + hexString);
        }
        byte[] d = new byte[length / 2];
        for (int i = 0; i < d.length; i++) {
            int hi = Character.digit(hexString.charAt(2 * i), 16);
            int lo = Character.digit(hexString.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("Not a hex string: " + hexString);
            }
            d[i] = (byte) ((hi << 4) | lo);
        }
        return d;
    }

    /** Inflates a zlib stream. */
    public static byte[] uncompress(byte[] src) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(src);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, src.length * 2));
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("Truncated or invalid zlib stream (" + src.length + " bytes)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("Invalid zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Deflates into a zlib stream at {@code level} (0-9). */
    public static byte[] compress(byte[] src, int level) throws IOException {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(src);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, src.length / 2));
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static int asInt(String str, int defaultValue) {
        try {
            return Integer.parseInt(str);
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    public static long asLong(String str, long defaultValue) {
        try {
            return Long.parseLong(str);
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    public static String formatDate(long time) {
        return formatDate(new Date(time), YYYY_MM_DD_HH_MM_SS);
    }

    public static boolean isBlank(String str) {
        if (str == null) {
            return true;
        }
        for (int i = 0; i < str.length(); i++) {
            if (!Character.isWhitespace(str.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static String jstack() {
        StringBuilder sb = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, elements) -> {
            sb.append("Thread: ").append(thread.getName()).append('\n');
            for (StackTraceElement el : elements) {
                sb.append("    ").append(el).append('\n');
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    public static boolean isInternalIP(byte[] ip) {
        if (ip.length != 4) {
            throw new IllegalArgumentException("illegal ipv4 bytes");
        }
        int b0 = ip[0] & 0xFF;
        int b1 = ip[1] & 0xFF;
        return b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168);
    }

    public static String ipToIPv4Str(byte[] ip) {
        if (ip.length != 4) {
            return null;
        }
        return (ip[0] & 0xFF) + "." + (ip[1] & 0xFF) + "." + (ip[2] & 0xFF) + "." + (ip[3] & 0xFF);
    }

    public static String ipToIPv6Str(byte[] ip) {
        if (ip.length != 16) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ip.length; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(((ip[i] & 0xFF) << 8) | (ip[i + 1] & 0xFF)).toUpperCase());
        }
        return sb.toString();
    }

    /**
     * This host's address for ids: the first site-local IPv4 address, else any non-loopback IPv4,
     * else a non-loopback IPv6, else the loopback address.
     */
    public static byte[] getIP() {
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        try {
            Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
            while (interfaces != null && interfaces.hasMoreElements()) {
                Enumeration<InetAddress> addrs = interfaces.nextElement().getInetAddresses();
                while (addrs.hasMoreElements()) {
                    InetAddress a = addrs.nextElement();
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
                        continue;
                    }
                    if (a instanceof Inet4Address) {
                        v4.add(a);
                    } else if (a instanceof Inet6Address) {
                        v6.add(a);
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to the loopback address
        }
        for (InetAddress a : v4) {
            if (a.isSiteLocalAddress()) {
                return a.getAddress();
            }
        }
        if (!v4.isEmpty()) {
            return v4.get(0).getAddress();
        }
        if (!v6.isEmpty()) {
            return v6.get(0).getAddress();
        }
        return new byte[] {127, 0, 0, 1};
    }

    public static void deleteFile(File file) {
        if (!file.exists()) {
            return;
        }
        if (file.isDirectory()) {
            File[] files = file.listFiles();
            if (files != null) {
                for (File f : files) {
                    deleteFile(f);
                }
            }
        }
        file.delete();
    }

    public static String list2String(List<String> list, String splitor) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        return String.join(splitor, list);
    }

    public static List<String> string2List(String str, String splitor) {
        if (str == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        for (String s : str.split(splitor)) {
            result.add(s);
        }
        return result;
    }
}
