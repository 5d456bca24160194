package org.cometmq.test.remoting;

import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.annotation.CFNotNull;

/** CometMQ's side of the echo header: a String, an int, a long and a boolean field. */
public class CometEchoHeader implements CommandCustomHeader {
    @CFNotNull
    private String text;
    private int number;
    private long big;
    private boolean flag;

    static CometEchoHeader sample(String text) {
        CometEchoHeader header = new CometEchoHeader();
        header.setText(text);
        header.setNumber(EchoProtocol.NUMBER);
        header.setBig(EchoProtocol.BIG);
        header.setFlag(EchoProtocol.FLAG);
        return header;
    }

    void copyFrom(CometEchoHeader other) {
        text = other.text;
        number = other.number;
        big = other.big;
        flag = other.flag;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public int getNumber() {
        return number;
    }

    public void setNumber(int number) {
        this.number = number;
    }

    public long getBig() {
        return big;
    }

    public void setBig(long big) {
        this.big = big;
    }

    public boolean isFlag() {
        return flag;
    }

    public void setFlag(boolean flag) {
        this.flag = flag;
    }
}
