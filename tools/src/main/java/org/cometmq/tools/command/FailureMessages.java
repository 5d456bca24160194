package org.cometmq.tools.command;

import org.apache.commons.cli.CommandLine;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.MixAll;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.exception.RemotingTimeoutException;

/**
 * Turns a failure of a sub-command into the one line {@code mqadmin} prints: what failed and, where there is
 * one, what to try. The topic or group named on the command line makes the message specific.
 */
public final class FailureMessages {
    private FailureMessages() {
    }

    public static String describe(Throwable failure, CommandLine commandLine) {
        Throwable e = unwrap(failure);
        if (e instanceof SubCommandException) {
            return e.getMessage();
        }
        if (e instanceof MQClientException clientException) {
            return describeCode(clientException.getResponseCode(), clientException.getErrorMessage(), null,
                commandLine);
        }
        if (e instanceof MQBrokerException brokerException) {
            return describeCode(brokerException.getResponseCode(), brokerException.getErrorMessage(),
                brokerException.getBrokerAddr(), commandLine);
        }
        if (e instanceof RemotingConnectException) {
            return e.getMessage() + ": is it running and reachable? (check -n or NAMESRV_ADDR, and mqadmin"
                + " clusterList)";
        }
        if (e instanceof RemotingTimeoutException) {
            return "request timed out: " + e.getMessage();
        }
        if (e instanceof RemotingException) {
            return "remoting error: " + e.getMessage();
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** MQClientException often wraps the real cause (a connect failure) with a generic text. */
    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while (e instanceof MQClientException clientException && clientException.getResponseCode() == -1
            && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String describeCode(int code, String remark, String addr, CommandLine commandLine) {
        String topic = commandLine == null ? null : commandLine.getOptionValue('t');
        String group = commandLine == null ? null : commandLine.getOptionValue('g');
        switch (code) {
            case ResponseCode.TOPIC_NOT_EXIST:
                if (topic == null && group != null) {
                    return "no route info for consumer group '" + group.trim() + "' (its topic "
                        + MixAll.getRetryTopic(group.trim()) + " does not exist: has the group ever consumed?)";
                }
                return "no route info for topic '" + (topic == null ? "?" : topic.trim())
                    + "' (is the topic created? try mqadmin topicList)";
            case ResponseCode.CONSUMER_NOT_ONLINE:
                return (group == null ? "" : "consumer group '" + group.trim() + "': ") + remark
                    + " (is a consumer of the group running? try mqadmin consumerConnection)";
            case ResponseCode.NO_PERMISSION:
                return "refused, no permission" + at(addr) + ": " + remark;
            case ResponseCode.NO_MESSAGE:
            case ResponseCode.QUERY_NOT_FOUND:
                return "not found" + at(addr) + ": " + remark;
            default:
                return (code == -1 ? "" : "error code " + code + at(addr) + ": ") + remark;
        }
    }

    private static String at(String addr) {
        return addr == null ? "" : " from " + addr;
    }
}
