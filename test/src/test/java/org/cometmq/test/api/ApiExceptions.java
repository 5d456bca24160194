package org.cometmq.test.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Apache 4.9.7 public API CometMQ deliberately does not have (yet), each with its reason. Patterns:
 * {@code pkg.**} (a package and its sub-packages), {@code pkg.Class} (the class, its members and nested classes),
 * {@code pkg.Class#name} (every overload of a method; {@code <init>} for constructors).
 */
final class ApiExceptions {
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        // Internals: DESIGN.md leaves implementation classes to CometMQ; applications use the API classes above.
        except("org.cometmq.client.impl.**", "internals (impl packages are CometMQ's to shape, DESIGN.md)");
        except("org.cometmq.tools.admin.DefaultMQAdminExtImpl", "internal implementation behind DefaultMQAdminExt");
        except("org.cometmq.client.admin.MQAdminExtInner", "internal marker interface (CometMQ: client.impl)");
        except("org.cometmq.client.stat.ConsumerStatsManager", "internal consumer statistics of impl classes;"
            + " users read them through ConsumerRunningInfo (mqadmin consumerStatus)");
        except("org.cometmq.client.log.ClientLogger", "returns rocketmq-logging's InternalLogger; CometMQ logs"
            + " through slf4j (logger names unchanged)");
        except("org.cometmq.remoting.protocol.RemotingCommand#decode", "wire codec internal (frame decoding)");
        except("org.cometmq.remoting.protocol.RemotingCommand#fastEncodeHeader", "wire codec internal");
        except("org.cometmq.remoting.protocol.RemotingCommand#markProtocolType", "wire codec internal");
        except("org.cometmq.remoting.protocol.RemotingCommand#getSerializeTypeConfigInThisServer",
            "wire codec internal");
        except("org.cometmq.remoting.protocol.RemotingCommand#decodeCommandCustomHeader",
            "the (Class, boolean) overload only skips field checks for the codec's fast path; (Class) exists");
        except("org.cometmq.remoting.protocol.RemotingSerializable#encode",
            "the overload takes fastjson 1's SerializerFeature; CometMQ serializes with fastjson2");
        except("org.cometmq.common.protocol.body.ConsumerConnection#setSubscriptionTable",
            "CometMQ's setter takes the wider ConcurrentMap: callers passing a ConcurrentHashMap compile unchanged");
        except("org.cometmq.client.ClientConfig#isEnableStreamRequestType", "4.9.7 registers a StreamTypeRPCHook"
            + " when set: comes after the client RPC-hook registration of branch h6-trace");
        except("org.cometmq.client.ClientConfig#setEnableStreamRequestType", "as isEnableStreamRequestType");
        // Later issues.
        except("org.cometmq.tools.command.**", "mqadmin sub-command classes: issue 16 brings them to 4.9.7's set"
            + " and SubCommand.execute(CommandLine, Options, RPCHook) signature");
        for (String acl : new String[] {"org.cometmq.common.PlainAccessConfig", "org.cometmq.common.AclConfig",
            "org.cometmq.common.protocol.body.ClusterAclVersionInfo"}) {
            except(acl, "ACL: issue 14 adds access control");
        }
        // Deprecated in 4.9.7 and replaced by TransactionListener (RocketMQ 4.3).
        except("org.cometmq.client.producer.LocalTransactionExecuter", "deprecated; use TransactionListener");
        except("org.cometmq.client.producer.TransactionCheckListener", "deprecated; use TransactionListener");
        for (String producer : new String[] {"org.cometmq.client.producer.MQProducer",
            "org.cometmq.client.producer.DefaultMQProducer", "org.cometmq.client.producer.TransactionMQProducer"}) {
            except(producer + "#sendMessageInTransaction(org.cometmq.common.message.Message,"
                + "org.cometmq.client.producer.LocalTransactionExecuter", "deprecated; use TransactionListener");
        }
        except("org.cometmq.client.producer.TransactionMQProducer#getTransactionCheckListener",
            "deprecated; use TransactionListener");
        except("org.cometmq.client.producer.TransactionMQProducer#setTransactionCheckListener",
            "deprecated; use TransactionListener");
        except("org.cometmq.client.producer.selector.SelectMessageQueueByMachineRoom", "4.9.7's select returns"
            + " null for every message (unfinished upstream), so every send through it fails");
        for (String hook : new String[] {"ConsumeMessageOpenTracingHookImpl", "EndTransactionOpenTracingHookImpl",
            "SendMessageOpenTracingHookImpl"}) {
            except("org.cometmq.client.trace.hook." + hook, "needs the opentracing API on the client's classpath;"
                + " the client's product dependencies are netty, fastjson2 and slf4j only");
        }
    }

    private ApiExceptions() {
    }

    private static void except(String pattern, String reason) {
        ALL.put(pattern, reason);
    }

    /** Being added in another branch right now. */
    private static void pending(String pattern, String reason) {
        ALL.put(pattern, reason);
    }

    /** The reason {@code missing} (a class name, {@code "class X"} or {@code "X#member"}) is excepted, or null. */
    static String reasonFor(String missing) {
        for (Map.Entry<String, String> entry : ALL.entrySet()) {
            if (matches(entry.getKey(), missing)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static boolean matches(String pattern, String missing) {
        String item = missing.startsWith("class ") ? missing.substring("class ".length()) : missing;
        if (pattern.endsWith(".**")) {
            return item.startsWith(pattern.substring(0, pattern.length() - 2));
        }
        if (pattern.contains("#")) {
            return item.startsWith(pattern.contains("(") ? pattern : pattern + "(");
        }
        return item.equals(pattern) || item.startsWith(pattern + "#") || item.startsWith(pattern + "$");
    }
}
