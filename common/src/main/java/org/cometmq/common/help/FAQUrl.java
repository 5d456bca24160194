package org.cometmq.common.help;

/**
 * The help link RocketMQ 4.9.7 servers and clients add to the texts users see. The texts are part of what clients
 * show and compare, so CometMQ writes them exactly as 4.9.7 does.
 */
public final class FAQUrl {
    /** Where every 4.9.7 error text points to. */
    public static final String DEFAULT_FAQ_URL = "http://rocketmq.apache.org/docs/faq/";
    public static final String APPLY_TOPIC_URL = DEFAULT_FAQ_URL;
    public static final String NO_TOPIC_ROUTE_INFO = DEFAULT_FAQ_URL;
    public static final String NAME_SERVER_ADDR_NOT_EXIST_URL = DEFAULT_FAQ_URL;
    public static final String SUBSCRIPTION_GROUP_NOT_EXIST = DEFAULT_FAQ_URL;
    public static final String SAME_GROUP_DIFFERENT_TOPIC = DEFAULT_FAQ_URL;
    public static final String MQLIST_NOT_EXIST = DEFAULT_FAQ_URL;
    private static final String TIP_BEGIN = "\nSee ";
    private static final String TIP_END = " for further details.";
    private static final String MORE_INFORMATION = "\nFor more information, please visit the url, ";

    private FAQUrl() {
    }

    /** {@code "\nSee <url> for further details."}, appended to server remarks. */
    public static String suggestTodo(String url) {
        return TIP_BEGIN + url + TIP_END;
    }

    /** The client exception text: {@code message} plus the FAQ link, unless it already carries a "See" tip. */
    public static String attachDefaultURL(String message) {
        if (message != null && !message.contains(TIP_BEGIN)) {
            return message + MORE_INFORMATION + DEFAULT_FAQ_URL;
        }
        return message;
    }
}
