package org.cometmq.client.exception;

import org.cometmq.common.help.FAQUrl;

/**
 * A client-side failure: wrong usage or state (send before start, bad topic, oversize message), no route, or a
 * network error that exhausted the retries. {@link #getResponseCode()} is a broker response code or a
 * {@code ClientErrorCode}, -1 when neither applies. The message carries 4.9.7's FAQ link, as Apache's does.
 */
public class MQClientException extends Exception {
    private static final long serialVersionUID = -5758410930844185841L;

    private int responseCode;
    private String errorMessage;

    public MQClientException(String errorMessage, Throwable cause) {
        super(FAQUrl.attachDefaultURL(errorMessage), cause);
        this.responseCode = -1;
        this.errorMessage = errorMessage;
    }

    public MQClientException(int responseCode, String errorMessage) {
        super(FAQUrl.attachDefaultURL("CODE: " + responseCode + "  DESC: " + errorMessage));
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
    }

    public int getResponseCode() {
        return responseCode;
    }

    public MQClientException setResponseCode(int responseCode) {
        this.responseCode = responseCode;
        return this;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }
}
