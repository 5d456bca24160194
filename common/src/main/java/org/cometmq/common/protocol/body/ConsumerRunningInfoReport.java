package org.cometmq.common.protocol.body;

import java.util.Map;
import org.cometmq.common.message.MessageQueue;
import org.cometmq.common.protocol.heartbeat.SubscriptionData;

/** The text {@link ConsumerRunningInfo#formatString()} gives: RocketMQ 4.9.7's sections and columns. */
final class ConsumerRunningInfoReport {
    private static final String QUEUE_HEADER = "%-64s  %-32s  %-4s  %-20s%n";

    private ConsumerRunningInfoReport() {
    }

    static String format(ConsumerRunningInfo info) {
        StringBuilder sb = new StringBuilder();
        sb.append("#Consumer Properties#\n");
        for (Map.Entry<Object, Object> entry : info.getProperties().entrySet()) {
            sb.append(String.format("%-40s: %s%n", entry.getKey(), entry.getValue()));
        }
        sb.append("\n\n#Consumer Subscription#\n");
        int index = 0;
        for (SubscriptionData subscription : info.getSubscriptionSet()) {
            sb.append(String.format("%03d Topic: %-40s ClassFilter: %-8s SubExpression: %s%n", ++index,
                subscription.getTopic(), subscription.isClassFilterMode(), subscription.getSubString()));
        }
        sb.append("\n\n#Consumer Offset#\n");
        sb.append(String.format(QUEUE_HEADER, "#Topic", "#Broker Name", "#QID", "#Consumer Offset"));
        for (Map.Entry<MessageQueue, ProcessQueueInfo> entry : info.getMqTable().entrySet()) {
            MessageQueue mq = entry.getKey();
            sb.append(String.format("%-32s  %-32s  %-4d  %-20d%n", mq.getTopic(), mq.getBrokerName(),
                mq.getQueueId(), entry.getValue().getCommitOffset()));
        }
        sb.append("\n\n#Consumer MQ Detail#\n");
        sb.append(String.format(QUEUE_HEADER, "#Topic", "#Broker Name", "#QID", "#ProcessQueueInfo"));
        for (Map.Entry<MessageQueue, ProcessQueueInfo> entry : info.getMqTable().entrySet()) {
            MessageQueue mq = entry.getKey();
            sb.append(String.format("%-64s  %-32s  %-4d  %s%n", mq.getTopic(), mq.getBrokerName(), mq.getQueueId(),
                entry.getValue()));
        }
        appendRates(info, sb);
        if (info.getJstack() != null) {
            sb.append("\n\n#Consumer jstack#\n");
            sb.append(info.getJstack());
        }
        return sb.toString();
    }

    private static void appendRates(ConsumerRunningInfo info, StringBuilder sb) {
        sb.append("\n\n#Consumer RT&TPS#\n");
        sb.append(String.format("%-64s  %14s %14s %14s %14s %18s %25s%n", "#Topic", "#Pull RT", "#Pull TPS",
            "#Consume RT", "#ConsumeOK TPS", "#ConsumeFailed TPS", "#ConsumeFailedMsgsInHour"));
        for (Map.Entry<String, ConsumeStatus> entry : info.getStatusTable().entrySet()) {
            ConsumeStatus status = entry.getValue();
            sb.append(String.format("%-32s  %14.2f %14.2f %14.2f %14.2f %18.2f %25d%n", entry.getKey(),
                status.getPullRT(), status.getPullTPS(), status.getConsumeRT(), status.getConsumeOKTPS(),
                status.getConsumeFailedTPS(), status.getConsumeFailedMsgs()));
        }
    }
}
