package org.cometmq.remoting.protocol;

/** How a command's header is serialized; the code is the top byte of the frame's header-length word. */
public enum SerializeType {
    JSON((byte) 0),
    ROCKETMQ((byte) 1);

    private final byte code;

    SerializeType(byte code) {
        this.code = code;
    }

    /** The type for a wire code, or null when the code is unknown. */
    public static SerializeType valueOf(byte code) {
        for (SerializeType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    public byte getCode() {
        return code;
    }
}
