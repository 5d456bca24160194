package org.cometmq.acl.common;

/** Key names of {@code plain_acl.yml}, of the signed ext fields and of the tools' credential file. */
public final class AclConstants {
    public static final String CONFIG_GLOBAL_WHITE_ADDRS = "globalWhiteRemoteAddresses";
    public static final String CONFIG_ACCOUNTS = "accounts";
    public static final String CONFIG_ACCESS_KEY = "accessKey";
    public static final String CONFIG_SECRET_KEY = "secretKey";
    public static final String CONFIG_WHITE_ADDR = "whiteRemoteAddress";
    public static final String CONFIG_ADMIN_ROLE = "admin";
    public static final String CONFIG_DEFAULT_TOPIC_PERM = "defaultTopicPerm";
    public static final String CONFIG_DEFAULT_GROUP_PERM = "defaultGroupPerm";
    public static final String CONFIG_TOPIC_PERMS = "topicPerms";
    public static final String CONFIG_GROUP_PERMS = "groupPerms";
    public static final String CONFIG_DATA_VERSION = "dataVersion";
    public static final String CONFIG_COUNTER = "counter";
    public static final String CONFIG_TIME_STAMP = "timestamp";

    /** Ext field names the client hook adds. */
    public static final String ACCESS_KEY = "AccessKey";
    public static final String SECRET_KEY = "SecretKey";
    public static final String SIGNATURE = "Signature";
    public static final String SECURITY_TOKEN = "SecurityToken";

    /** Ext field that 4.9.7 clients sign on QUERY_MESSAGE but 4.9.7 brokers leave out when checking. */
    public static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    /** Minimum length + 1 of access and secret keys (4.9.7: longer than 6). */
    public static final int ACCESS_KEY_MIN_LENGTH = 7;

    private AclConstants() {
    }
}
