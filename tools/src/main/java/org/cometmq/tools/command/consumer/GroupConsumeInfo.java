package org.cometmq.tools.command.consumer;

import org.cometmq.common.MQVersion;
import org.cometmq.common.protocol.body.ConsumerConnection;
import org.cometmq.common.protocol.heartbeat.ConsumeType;
import org.cometmq.common.protocol.heartbeat.MessageModel;

/** One row of consumerProgress without a group: a group's clients, their lowest version, type, TPS and lag. */
final class GroupConsumeInfo {
    private final String group;
    private int count;
    private int version;
    private ConsumeType consumeType;
    private MessageModel messageModel;
    private int consumeTps;
    private long diffTotal;

    GroupConsumeInfo(String group) {
        this.group = group;
    }

    void setConnection(ConsumerConnection connection) {
        this.count = connection.getConnectionSet().size();
        this.version = connection.computeMinVersion();
        this.consumeType = connection.getConsumeType();
        this.messageModel = connection.getMessageModel();
    }

    /** The lowest client version, {@code OFFLINE} without clients. */
    String versionDesc() {
        return count == 0 ? "OFFLINE" : MQVersion.getVersionDesc(version);
    }

    /** {@code PULL} or {@code PUSH}; empty without clients. */
    String consumeTypeDesc() {
        if (count == 0 || consumeType == null) {
            return "";
        }
        return consumeType == ConsumeType.CONSUME_ACTIVELY ? "PULL" : "PUSH";
    }

    /** {@code CLUSTERING} or {@code BROADCASTING} for push groups; empty otherwise. */
    String messageModelDesc() {
        if (count == 0 || messageModel == null || consumeType != ConsumeType.CONSUME_PASSIVELY) {
            return "";
        }
        return messageModel.name();
    }

    String getGroup() {
        return group;
    }

    int getCount() {
        return count;
    }

    int getConsumeTps() {
        return consumeTps;
    }

    void setConsumeTps(int consumeTps) {
        this.consumeTps = consumeTps;
    }

    long getDiffTotal() {
        return diffTotal;
    }

    void setDiffTotal(long diffTotal) {
        this.diffTotal = diffTotal;
    }
}
