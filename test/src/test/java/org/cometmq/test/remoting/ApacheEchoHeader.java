package org.cometmq.test.remoting;

import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.annotation.CFNotNull;

/** Apache RocketMQ's side of the echo header, field for field the same as {@link CometEchoHeader}. */
public class ApacheEchoHeader implements CommandCustomHeader {
    @CFNotNull
    private String text;
    private int number;
    private long big;
    private boolean flag;

    static ApacheEchoHeader sample(String text) {
        ApacheEchoHeader header = new ApacheEchoHeader();
        header.setText(text);
        header.setNumber(EchoProtocol.NUMBER);
        header.setBig(EchoProtocol.BIG);
        header.setFlag(EchoProtocol.FLAG);
        return header;
    }

    void copyFrom(ApacheEchoHeader other) {
        text = other.text;
        number = other.number;
        big = other.big;
        flag = other.flag;
    }

    @Override
    public void checkFields() {
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
