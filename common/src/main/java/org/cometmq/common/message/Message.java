package org.cometmq.common.message;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A message as an application builds it: topic, body, a user flag and string properties (tags, keys,
 * delay level and user properties travel as properties).
 */
public class Message implements Serializable {
    private static final long serialVersionUID = 8445773977080406428L;

    private String topic;
    private int flag;
    private Map<String, String> properties;
    private byte[] body;
    private String transactionId;

    public Message() {
    }

    public Message(String topic, byte[] body) {
        this(topic, "", "", 0, body, true);
    }

    public Message(String topic, String tags, String keys, int flag, byte[] body, boolean waitStoreMsgOK) {
        this.topic = topic;
        this.flag = flag;
        this.body = body;
        if (tags != null && !tags.isEmpty()) {
            this.setTags(tags);
        }
        if (keys != null && !keys.isEmpty()) {
            this.setKeys(keys);
        }
        this.setWaitStoreMsgOK(waitStoreMsgOK);
    }

    public Message(String topic, String tags, byte[] body) {
        this(topic, tags, "", 0, body, true);
    }

    public Message(String topic, String tags, String keys, byte[] body) {
        this(topic, tags, keys, 0, body, true);
    }

    public void setKeys(String keys) {
        this.putProperty(MessageConst.PROPERTY_KEYS, keys);
    }

    /** Joins the keys with {@link MessageConst#KEY_SEPARATOR}. */
    public void setKeys(Collection<String> keyCollection) {
        this.setKeys(String.join(MessageConst.KEY_SEPARATOR, keyCollection));
    }

    void putProperty(String name, String value) {
        if (this.properties == null) {
            this.properties = new HashMap<>();
        }
        this.properties.put(name, value);
    }

    void clearProperty(String name) {
        if (this.properties != null) {
            this.properties.remove(name);
        }
    }

    /**
     * Adds an application property.
     *
     * @throws IllegalArgumentException when the name is reserved by the system or name/value is blank
     */
    public void putUserProperty(String name, String value) {
        if (MessageConst.STRING_HASH_SET.contains(name)) {
            throw new IllegalArgumentException(
                String.format("The Property<%s> is used by system, input another please", name));
        }
        if (value == null || value.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("The name or value of property can not be null or blank string!");
        }
        this.putProperty(name, value);
    }

    public String getUserProperty(String name) {
        return this.getProperty(name);
    }

    public String getProperty(String name) {
        return this.properties == null ? null : this.properties.get(name);
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getTags() {
        return this.getProperty(MessageConst.PROPERTY_TAGS);
    }

    public void setTags(String tags) {
        this.putProperty(MessageConst.PROPERTY_TAGS, tags);
    }

    public String getKeys() {
        return this.getProperty(MessageConst.PROPERTY_KEYS);
    }

    /** 0 when no delay level is set. */
    public int getDelayTimeLevel() {
        String t = this.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        if (t != null) {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    public void setDelayTimeLevel(int level) {
        this.putProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL, String.valueOf(level));
    }

    /** True unless the WAIT property says "false". */
    public boolean isWaitStoreMsgOK() {
        String result = this.getProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK);
        return result == null || Boolean.parseBoolean(result);
    }

    public void setWaitStoreMsgOK(boolean waitStoreMsgOK) {
        this.putProperty(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, Boolean.toString(waitStoreMsgOK));
    }

    public void setInstanceId(String instanceId) {
        this.putProperty(MessageConst.PROPERTY_INSTANCE_ID, instanceId);
    }

    public int getFlag() {
        return flag;
    }

    public void setFlag(int flag) {
        this.flag = flag;
    }

    public byte[] getBody() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    public String getBuyerId() {
        return getProperty(MessageConst.PROPERTY_BUYER_ID);
    }

    public void setBuyerId(String buyerId) {
        putProperty(MessageConst.PROPERTY_BUYER_ID, buyerId);
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    /** As 4.9.7 prints a message (mqadmin printMsg shows it): the body as its byte values. */
    @Override
    public String toString() {
        return "Message{topic='" + topic + "', flag=" + flag + ", properties=" + properties
            + ", body=" + java.util.Arrays.toString(body) + ", transactionId='" + transactionId + "'}";
    }
}
