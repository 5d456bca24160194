package org.cometmq.common.protocol.header;

import org.cometmq.common.rpc.RpcRequestHeader;
import org.cometmq.common.sysflag.MessageSysFlag;
import org.cometmq.remoting.annotation.CFNotNull;
import org.cometmq.remoting.annotation.CFNullable;
import org.cometmq.remoting.exception.RemotingCommandException;

/** END_TRANSACTION (37) request, producer to broker, oneway: commit or roll back a half message. */
public class EndTransactionRequestHeader extends RpcRequestHeader {
    @CFNotNull
    private String producerGroup;
    @CFNotNull
    private Long tranStateTableOffset;
    @CFNotNull
    private Long commitLogOffset;
    @CFNotNull
    private Integer commitOrRollback;
    @CFNullable
    private Boolean fromTransactionCheck = false;
    @CFNotNull
    private String msgId;
    @CFNullable
    private String transactionId;

    /** commitOrRollback must be a transaction type of the sysFlag: NOT_TYPE (0), COMMIT (8) or ROLLBACK (12). */
    @Override
    public void checkFields() throws RemotingCommandException {
        int type = commitOrRollback;
        if (type != MessageSysFlag.TRANSACTION_NOT_TYPE && type != MessageSysFlag.TRANSACTION_COMMIT_TYPE
            && type != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            throw new RemotingCommandException("commitOrRollback field wrong: " + type
                + " (expected 0 NOT_TYPE, 8 COMMIT or 12 ROLLBACK)");
        }
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public Long getTranStateTableOffset() {
        return tranStateTableOffset;
    }

    public void setTranStateTableOffset(Long tranStateTableOffset) {
        this.tranStateTableOffset = tranStateTableOffset;
    }

    public Long getCommitLogOffset() {
        return commitLogOffset;
    }

    public void setCommitLogOffset(Long commitLogOffset) {
        this.commitLogOffset = commitLogOffset;
    }

    public Integer getCommitOrRollback() {
        return commitOrRollback;
    }

    public void setCommitOrRollback(Integer commitOrRollback) {
        this.commitOrRollback = commitOrRollback;
    }

    public Boolean getFromTransactionCheck() {
        return fromTransactionCheck;
    }

    public void setFromTransactionCheck(Boolean fromTransactionCheck) {
        this.fromTransactionCheck = fromTransactionCheck;
    }

    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }
}
