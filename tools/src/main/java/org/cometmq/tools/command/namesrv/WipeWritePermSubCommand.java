package org.cometmq.tools.command.namesrv;

import org.cometmq.tools.admin.MQAdminExt;

/** {@code wipeWritePerm}: makes every topic of a broker read-only on each name server (to drain it). */
public class WipeWritePermSubCommand extends WritePermCommand {
    @Override
    public String commandName() {
        return "wipeWritePerm";
    }

    @Override
    public String commandDesc() {
        return "Wipe write perm of broker in all name server you defined in the -n param";
    }

    @Override
    String verb() {
        return "wipe";
    }

    @Override
    int apply(MQAdminExt admin, String namesrvAddr, String brokerName) throws Exception {
        return admin.wipeWritePermOfBroker(namesrvAddr, brokerName);
    }
}
