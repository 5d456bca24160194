package org.cometmq.tools.command;

import java.io.File;
import java.util.function.Function;
import org.cometmq.acl.common.AclUtils;
import org.cometmq.common.MixAll;
import org.cometmq.remoting.RPCHook;

/**
 * The credentials {@code mqadmin} signs with, as RocketMQ 4.9's tool reads them: {@code accessKey} and
 * {@code secretKey} of {@code <home>/conf/tools.yml}, home being {@code rocketmq.home.dir} / {@code ROCKETMQ_HOME},
 * else the CometMQ installation ({@code comet.home.dir} / {@code COMET_HOME}). No file or blank keys: unsigned.
 */
public final class ToolsCredentials {
    public static final String TOOLS_FILE = "conf" + File.separator + "tools.yml";

    private ToolsCredentials() {
    }

    /** The signing hook, or null for unsigned requests. */
    public static RPCHook rpcHook(Function<String, String> environment) {
        String home = firstSet(System.getProperty(MixAll.ROCKETMQ_HOME_PROPERTY),
            environment.apply(MixAll.ROCKETMQ_HOME_ENV), System.getProperty("comet.home.dir"),
            environment.apply("COMET_HOME"));
        return home == null ? null : AclUtils.getAclRPCHook(home + File.separator + TOOLS_FILE);
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
