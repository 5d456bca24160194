package org.cometmq.test.broker;

import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/** Reads every message of one queue from offset 0 with an Apache pull consumer (tools-style). */
final class DlqReader {
    private DlqReader() {
    }

    static List<MessageExt> read(String namesrvAddr, MessageQueue queue) throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(BrokerFixture.unique("reader"));
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setVipChannelEnabled(false);
        consumer.setInstanceName(BrokerFixture.unique("reader"));
        consumer.start();
        try {
            List<MessageExt> messages = new ArrayList<>();
            long offset = 0;
            for (int round = 0; round < 100; round++) {
                PullResult result = consumer.pull(queue, "*", offset, 32);
                if (result.getPullStatus() != PullStatus.FOUND) {
                    break;
                }
                messages.addAll(result.getMsgFoundList());
                offset = result.getNextBeginOffset();
            }
            return messages;
        } finally {
            consumer.shutdown();
        }
    }
}
