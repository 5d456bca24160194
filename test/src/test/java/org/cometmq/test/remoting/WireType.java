package org.cometmq.test.remoting;

/** The two header serializations of the remoting protocol, as each side's enum names them. */
enum WireType {
    JSON(org.apache.rocketmq.remoting.protocol.SerializeType.JSON,
        org.cometmq.remoting.protocol.SerializeType.JSON),
    ROCKETMQ(org.apache.rocketmq.remoting.protocol.SerializeType.ROCKETMQ,
        org.cometmq.remoting.protocol.SerializeType.ROCKETMQ);

    private final org.apache.rocketmq.remoting.protocol.SerializeType apache;
    private final org.cometmq.remoting.protocol.SerializeType comet;

    WireType(org.apache.rocketmq.remoting.protocol.SerializeType apache,
             org.cometmq.remoting.protocol.SerializeType comet) {
        this.apache = apache;
        this.comet = comet;
    }

    org.apache.rocketmq.remoting.protocol.SerializeType apache() {
        return apache;
    }

    org.cometmq.remoting.protocol.SerializeType comet() {
        return comet;
    }
}
