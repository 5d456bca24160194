package org.cometmq.tools.command;

import java.text.SimpleDateFormat;
import java.util.Date;
import org.cometmq.common.UtilAll;

/** Column helpers shared by the tables, matching RocketMQ's mqadmin output. */
public final class Formats {
    private Formats() {
    }

    /** At most the first {@code size} characters, so one long name cannot push the other columns out. */
    public static String front(String text, int size) {
        if (text == null) {
            return "";
        }
        return text.length() > size ? text.substring(0, size) : text;
    }

    /** {@code yyyy-MM-dd HH:mm:ss,SSS} in local time. */
    public static String humanTime(long millis) {
        return UtilAll.timeMillisToHumanString2(millis);
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in local time. */
    public static String dateTime(long millis) {
        return new SimpleDateFormat(UtilAll.YYYY_MM_DD_HH_MM_SS).format(new Date(millis));
    }
}
