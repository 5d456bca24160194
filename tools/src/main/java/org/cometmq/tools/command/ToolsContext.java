package org.cometmq.tools.command;

import java.io.PrintStream;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.client.producer.DefaultMQProducer;
import org.cometmq.client.producer.MQProducer;
import org.cometmq.remoting.RPCHook;
import org.cometmq.tools.admin.DefaultMQAdminExt;
import org.cometmq.tools.admin.MQAdminExt;
import org.cometmq.tools.admin.impl.QueuePuller;

/** The context {@code mqadmin} runs commands in: real clients on the given name servers, created on demand. */
public final class ToolsContext implements CommandContext, AutoCloseable {
    private final PrintStream out;
    private final String namesrvAddr;
    private final RPCHook rpcHook;
    private DefaultMQAdminExt admin;
    private QueuePuller puller;
    private DefaultMQProducer producer;

    public ToolsContext(PrintStream out, String namesrvAddr, RPCHook rpcHook) {
        this.out = out;
        this.namesrvAddr = namesrvAddr;
        this.rpcHook = rpcHook;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public synchronized MQAdminExt admin() throws MQClientException {
        return startedAdmin();
    }

    private DefaultMQAdminExt startedAdmin() throws MQClientException {
        if (admin == null) {
            DefaultMQAdminExt created = new DefaultMQAdminExt(rpcHook);
            created.setNamesrvAddr(namesrvAddr);
            created.start();
            admin = created;
        }
        return admin;
    }

    @Override
    public synchronized QueuePuller puller() throws MQClientException {
        if (puller == null) {
            DefaultMQAdminExt started = startedAdmin();
            puller = new QueuePuller(started.getDefaultMQAdminExtImpl().getMqClientInstance(),
                started.getTimeoutMillis());
        }
        return puller;
    }

    @Override
    public MQProducer producer() throws MQClientException {
        return producer(false, null);
    }

    @Override
    public synchronized MQProducer producer(boolean msgTraceEnable, String unitName) throws MQClientException {
        if (producer == null) {
            // a one-off group, as RocketMQ's tool does: DEFAULT_PRODUCER is reserved and refused
            DefaultMQProducer created = new DefaultMQProducer(Long.toString(System.currentTimeMillis()), rpcHook,
                msgTraceEnable, null);
            if (unitName != null) {
                created.setUnitName(unitName);
            }
            created.setNamesrvAddr(namesrvAddr);
            created.setInstanceName("mqadmin_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis());
            created.start();
            producer = created;
        }
        return producer;
    }

    /** Shuts down whatever clients the command started. */
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.shutdown();
            producer = null;
        }
        if (admin != null) {
            admin.shutdown();
            admin = null;
        }
    }
}
