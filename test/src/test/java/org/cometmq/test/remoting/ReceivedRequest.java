package org.cometmq.test.remoting;

import java.util.Map;

/** What an echo processor saw of one request, in stack-neutral terms. */
record ReceivedRequest(int code, String serializeType, String language, boolean oneway,
                       Map<String, String> extFields, byte[] body) {

    String text() {
        return extFields.get("text");
    }
}
