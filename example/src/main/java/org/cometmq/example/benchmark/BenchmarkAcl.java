package org.cometmq.example.benchmark;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.cometmq.acl.common.AclClientRPCHook;
import org.cometmq.acl.common.SessionCredentials;
import org.cometmq.remoting.RPCHook;

/**
 * The benchmark's ACL switch and keys: {@code --aclEnable} (Apache's long name; its short {@code -a} is taken
 * by async here), {@code -ak/--accessKey} and {@code -sk/--secretKey}. Giving a key turns ACL on; ACL on
 * without keys signs with Apache's benchmark defaults so a broker set up for the Apache tool works unchanged.
 *
 * @param accessKey null when requests go unsigned
 */
public record BenchmarkAcl(String accessKey, String secretKey) {
    /** Apache's benchmark tools sign with this account when no key is given. */
    static final String DEFAULT_ACCESS_KEY = "rocketmq2";
    static final String DEFAULT_SECRET_KEY = "12345678";
    static final BenchmarkAcl OFF = new BenchmarkAcl(null, null);

    static void addOptions(Options options) {
        options.addOption(Option.builder().longOpt("aclEnable").hasArg().optionalArg(true).argName("true|false")
            .desc("Sign every request with an ACL access key (default false; on when -ak or -sk is given)").build());
        options.addOption(new Option("ak", "accessKey", true,
            "ACL access key (default " + DEFAULT_ACCESS_KEY + ")"));
        options.addOption(new Option("sk", "secretKey", true, "ACL secret key (default: Apache's benchmark key)"));
    }

    static BenchmarkAcl parse(CommandLine line) {
        boolean keyGiven = line.hasOption("ak") || line.hasOption("sk");
        boolean enabled = line.hasOption("aclEnable") ? BenchmarkCli.flag(line, "aclEnable") : keyGiven;
        if (!enabled) {
            if (keyGiven) {
                throw new IllegalArgumentException("options -ak and -sk need ACL on, but --aclEnable is false");
            }
            return OFF;
        }
        return new BenchmarkAcl(key(line, "ak", DEFAULT_ACCESS_KEY), key(line, "sk", DEFAULT_SECRET_KEY));
    }

    private static String key(CommandLine line, String option, String fallback) {
        String value = line.getOptionValue(option, fallback).trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("option -" + option + " must not be empty");
        }
        return value;
    }

    boolean enabled() {
        return accessKey != null;
    }

    /** The signing hook, or null when ACL is off (the client then sends unsigned requests). */
    RPCHook rpcHook() {
        return enabled() ? new AclClientRPCHook(new SessionCredentials(accessKey, secretKey)) : null;
    }

    /** For the run's first line: never prints the secret. */
    String describe() {
        return enabled() ? "acl(accessKey=" + accessKey + ")" : "acl=off";
    }

    @Override
    public String toString() {
        return describe();
    }
}
