package org.cometmq.client.exception;

import org.cometmq.common.help.FAQUrl;

/**
 * A broker (or name server) answered a request with a response code the caller cannot turn into a result. The
 * message reads as 4.9.7's, FAQ link included.
 */
public class MQBrokerException extends Exception {
    private static final long serialVersionUID = 5975020272601250368L;

    private final int responseCode;
    private final String errorMessage;
    private final String brokerAddr;

    public MQBrokerException() {
        this(0, null, null);
    }

    public MQBrokerException(int responseCode, String errorMessage) {
        this(responseCode, errorMessage, null);
    }

    public MQBrokerException(int responseCode, String errorMessage, String brokerAddr) {
        super(FAQUrl.attachDefaultURL("CODE: " + responseCode + "  DESC: " + errorMessage
            + (brokerAddr == null ? "" : " BROKER: " + brokerAddr)));
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
        this.brokerAddr = brokerAddr;
    }

    public int getResponseCode() {
        return responseCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }
}
