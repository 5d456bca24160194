package org.cometmq.broker.processor;

import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.protocol.RemotingCommand;
import java.util.Locale;
import org.cometmq.common.UtilAll;
import org.cometmq.store.PutMessageResult;
import org.cometmq.store.config.MessageStoreConfig;
import org.cometmq.store.config.StorePathConfigHelper;

/** Turns the store's put status into the send response code and remark (spec 3.2). */
final class PutResultMapper {
    private PutResultMapper() {
    }

    /** Whether the message was stored: SEND_OK, or a flush or replica warning about a stored message. */
    static boolean stored(PutMessageResult result) {
        if (result == null) {
            return false;
        }
        switch (result.getPutMessageStatus()) {
            case PUT_OK:
            case FLUSH_DISK_TIMEOUT:
            case FLUSH_SLAVE_TIMEOUT:
            case SLAVE_NOT_AVAILABLE:
                return true;
            default:
                return false;
        }
    }

    /** Sets code and remark; returns true when the message was stored (SEND_OK or a flush/replica warning). */
    static boolean apply(PutMessageResult result, RemotingCommand response, MessageStoreConfig storeConfig) {
        int maxMessageSize = storeConfig.getMaxMessageSize();
        if (result == null) {
            set(response, ResponseCode.SYSTEM_ERROR, "store putMessage return null");
            return false;
        }
        switch (result.getPutMessageStatus()) {
            case PUT_OK:
                set(response, ResponseCode.SUCCESS, null);
                return true;
            case FLUSH_DISK_TIMEOUT:
                set(response, ResponseCode.FLUSH_DISK_TIMEOUT, null);
                return true;
            case FLUSH_SLAVE_TIMEOUT:
                set(response, ResponseCode.FLUSH_SLAVE_TIMEOUT, null);
                return true;
            case SLAVE_NOT_AVAILABLE:
                set(response, ResponseCode.SLAVE_NOT_AVAILABLE, null);
                return true;
            case CREATE_MAPEDFILE_FAILED:
                set(response, ResponseCode.SYSTEM_ERROR, "create mapped file failed, server is busy or broken.");
                return false;
            case MESSAGE_ILLEGAL:
            case PROPERTIES_SIZE_EXCEEDED:
                set(response, ResponseCode.MESSAGE_ILLEGAL, messageIllegalRemark(maxMessageSize));
                return false;
            case SERVICE_NOT_AVAILABLE:
                set(response, ResponseCode.SERVICE_NOT_AVAILABLE, "service not available now. It may be caused by one of"
                    + " the following reasons: the broker's disk is full [" + diskUtil(storeConfig) + "], messages are"
                    + " put to the slave, message store has been shut down, etc.");
                return false;
            case OS_PAGECACHE_BUSY:
                set(response, ResponseCode.SYSTEM_ERROR, "[PC_SYNCHRONIZED]broker busy, start flow control for a while");
                return false;
            default:
                set(response, ResponseCode.SYSTEM_ERROR, result.getPutMessageStatus().name());
                return false;
        }
    }

    /** 4.9.7's text for a message the store refuses for its size. */
    static String messageIllegalRemark(int maxMessageSize) {
        return String.format("the message is illegal, maybe msg body or properties length not matched. msg body length"
            + " limit %dB, msg properties length limit 32KB.", maxMessageSize);
    }

    private static void set(RemotingCommand response, int code, String remark) {
        response.setCode(code);
        response.setRemark(remark);
    }

    /** Used fraction of the commit-log, consume-queue and index partitions, in 4.9.7's remark format. */
    static String diskUtil(MessageStoreConfig storeConfig) {
        String root = storeConfig.getStorePathRootDir();
        double commitLog = UtilAll.getDiskPartitionSpaceUsedPercent(storeConfig.getStorePathCommitLog());
        double consumeQueue = UtilAll.getDiskPartitionSpaceUsedPercent(StorePathConfigHelper.getStorePathConsumeQueue(root));
        double index = UtilAll.getDiskPartitionSpaceUsedPercent(StorePathConfigHelper.getStorePathIndex(root));
        return String.format(Locale.ROOT, "CL: %5.2f CQ: %5.2f INDEX: %5.2f", commitLog, consumeQueue, index);
    }
}
