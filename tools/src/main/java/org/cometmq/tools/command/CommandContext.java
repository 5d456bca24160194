package org.cometmq.tools.command;

import java.io.PrintStream;
import org.cometmq.client.producer.MQProducer;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.admin.impl.QueuePuller;

/**
 * What a sub-command works with. Clients are created and started on first use and shut down by
 * {@link MQAdminStartup} after the command, whatever its outcome.
 */
public interface CommandContext {
    /** Where the command's result goes (stdout for {@code mqadmin}). */
    PrintStream out();

    /** A started admin client on the name servers of {@code -n} / {@code NAMESRV_ADDR}. */
    MQAdminExt admin() throws Exception;

    /** Reads messages straight from queues (group TOOLS_CONSUMER), over the admin's connections. */
    QueuePuller puller() throws Exception;

    /** A started producer of a one-off group (named by the current time, as RocketMQ's tool does). */
    MQProducer producer() throws Exception;

    /**
     * Like {@link #producer()}, with message trace on when {@code msgTraceEnable} and the given unit name unless
     * null. A command asks for its producer once.
     */
    MQProducer producer(boolean msgTraceEnable, String unitName) throws Exception;
}
