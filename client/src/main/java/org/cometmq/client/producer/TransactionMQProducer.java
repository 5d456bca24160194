package org.cometmq.client.producer;

import java.util.concurrent.ExecutorService;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.message.Message;
import org.cometmq.remoting.RPCHook;

/**
 * A producer of transactional messages: {@link #sendMessageInTransaction} stores a half message, runs the
 * {@link TransactionListener}'s local transaction and commits or rolls back; the broker later asks the listener
 * about half messages whose outcome stayed UNKNOW.
 */
public class TransactionMQProducer extends DefaultMQProducer {
    private int checkThreadPoolMinSize = 1;
    private int checkThreadPoolMaxSize = 1;
    private int checkRequestHoldMax = 2000;
    private ExecutorService executorService;
    private TransactionListener transactionListener;

    public TransactionMQProducer() {
    }

    public TransactionMQProducer(String producerGroup) {
        super(producerGroup);
    }

    public TransactionMQProducer(String namespace, String producerGroup) {
        super(namespace, producerGroup);
    }

    public TransactionMQProducer(String producerGroup, RPCHook rpcHook) {
        super(producerGroup, rpcHook);
    }

    public TransactionMQProducer(String namespace, String producerGroup, RPCHook rpcHook) {
        super(namespace, producerGroup, rpcHook);
    }

    /** A transactional producer that traces its sends and transaction outcomes when {@code enableMsgTrace}. */
    public TransactionMQProducer(String namespace, String producerGroup, RPCHook rpcHook, boolean enableMsgTrace,
        String customizedTraceTopic) {
        super(namespace, producerGroup, rpcHook, enableMsgTrace, customizedTraceTopic);
    }

    @Override
    public void start() throws MQClientException {
        defaultMQProducerImpl.initTransactionEnv(executorService);
        super.start();
    }

    @Override
    public TransactionSendResult sendMessageInTransaction(Message msg, Object arg) throws MQClientException {
        if (transactionListener == null) {
            throw new MQClientException("TransactionListener is null: set one with setTransactionListener", null);
        }
        msg.setTopic(withNamespace(msg.getTopic()));
        return defaultMQProducerImpl.sendMessageInTransaction(msg, null, arg);
    }

    public int getCheckThreadPoolMinSize() {
        return checkThreadPoolMinSize;
    }

    public void setCheckThreadPoolMinSize(int checkThreadPoolMinSize) {
        this.checkThreadPoolMinSize = checkThreadPoolMinSize;
    }

    public int getCheckThreadPoolMaxSize() {
        return checkThreadPoolMaxSize;
    }

    public void setCheckThreadPoolMaxSize(int checkThreadPoolMaxSize) {
        this.checkThreadPoolMaxSize = checkThreadPoolMaxSize;
    }

    public int getCheckRequestHoldMax() {
        return checkRequestHoldMax;
    }

    public void setCheckRequestHoldMax(int checkRequestHoldMax) {
        this.checkRequestHoldMax = checkRequestHoldMax;
    }

    public ExecutorService getExecutorService() {
        return executorService;
    }

    /** Executor answering the broker's transaction checks; a single-thread pool when not set. */
    public void setExecutorService(ExecutorService executorService) {
        this.executorService = executorService;
    }

    public TransactionListener getTransactionListener() {
        return transactionListener;
    }

    public void setTransactionListener(TransactionListener transactionListener) {
        this.transactionListener = transactionListener;
    }
}
