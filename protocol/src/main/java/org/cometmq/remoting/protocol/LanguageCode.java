package org.cometmq.remoting.protocol;

/** The sender's implementation language: the name travels in JSON headers, the code byte in binary ones. */
public enum LanguageCode {
    JAVA((byte) 0),
    CPP((byte) 1),
    DOTNET((byte) 2),
    PYTHON((byte) 3),
    DELPHI((byte) 4),
    ERLANG((byte) 5),
    RUBY((byte) 6),
    OTHER((byte) 7),
    HTTP((byte) 8),
    GO((byte) 9),
    PHP((byte) 10),
    OMS((byte) 11),
    RUST((byte) 12);

    private static final LanguageCode[] BY_CODE = values();

    private final byte code;

    LanguageCode(byte code) {
        this.code = code;
    }

    /** The language for a wire code, or null when the code is unknown. */
    public static LanguageCode valueOf(byte code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public byte getCode() {
        return code;
    }
}
