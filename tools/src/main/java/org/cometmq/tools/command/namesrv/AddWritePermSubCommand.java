package org.cometmq.tools.command.namesrv;

import org.cometmq.tools.admin.MQAdminExt;

/** {@code addWritePerm}: gives every topic of a broker its write permission back on each name server. */
public class AddWritePermSubCommand extends WritePermCommand {
    @Override
    public String commandName() {
        return "addWritePerm";
    }

    @Override
    public String commandDesc() {
        return "Add write perm of broker in all name server you defined in the -n param";
    }

    @Override
    String verb() {
        return "add";
    }

    @Override
    int apply(MQAdminExt admin, String namesrvAddr, String brokerName) throws Exception {
        return admin.addWritePermOfBroker(namesrvAddr, brokerName);
    }
}
