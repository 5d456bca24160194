package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cometmq.client.exception.MQClientException;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.remoting.exception.RemotingConnectException;
import org.junit.jupiter.api.Test;

class MQAdminStartupTest {
    private final CommandRunner runner = new CommandRunner();

    @Test
    void noArgumentsListsEveryRegisteredCommandInTheOrderOf497() {
        assertEquals(0, runner.run());
        List<String> lines = runner.outLines();
        List<SubCommand> registered = SubCommands.all();
        assertEquals("The most commonly used mqadmin commands are:", lines.get(0));
        for (int i = 0; i < registered.size(); i++) {
            SubCommand command = registered.get(i);
            assertEquals(String.format("   %-20s %s", command.commandName(), command.commandDesc()), lines.get(i + 1));
        }
        assertEquals("   updateTopic          Update or create topic", lines.get(1));
        assertTrue(lines.contains("   brokerConsumeStats   Fetch broker consume stats data"), runner.out());
        assertTrue(lines.contains("   deleteExpiredCommitLog Delete expired CommitLog files"), runner.out());
        assertTrue(lines.contains("   statsAll             Topic and Consumer tps stats"), runner.out());
        assertEquals(List.of("", "See 'mqadmin help <command>' for more information on a specific command.", ""),
            lines.subList(registered.size() + 1, lines.size()));
        assertEquals(0, runner.contextsOpened);
    }

    @Test
    void helpAloneListsCommandsAndHelpOfACommandShowsItsOptions() {
        assertEquals(0, runner.run("help"));
        assertTrue(runner.out().startsWith("The most commonly used mqadmin commands are:"));

        CommandRunner help = new CommandRunner();
        assertEquals(0, help.run("help", "topicRoute"));
        List<String> lines = help.outLines();
        assertEquals("usage: mqadmin topicRoute [-h] [-l] [-n <arg>] -t <arg> [-v]", lines.get(0));
        assertEquals("Examine topic route info", lines.get(1));
        assertTrue(help.out().contains(" -t,--topic <arg>         topic name"), help.out());
        assertTrue(help.out().contains(" -v,--verbose             Print the stack trace of a failure"), help.out());
        assertEquals("", help.err());
    }

    @Test
    void everyCommandHasHelpAndLeavesDashNAndDashHToTheStartup() {
        for (SubCommand command : SubCommands.all()) {
            CommandRunner help = new CommandRunner();
            assertEquals(0, help.run("help", command.commandName()), command.commandName());
            assertTrue(help.out().startsWith("usage: mqadmin " + command.commandName() + " "), help.out());
            org.apache.commons.cli.Options own = command.buildCommandlineOptions(new org.apache.commons.cli.Options());
            assertEquals(false, own.hasOption("n") || own.hasOption("h"), command.commandName());
        }
    }

    @Test
    void dashHHelpsEvenWhenRequiredOptionsAreMissing() {
        assertEquals(0, runner.run("topicStatus", "-h"));
        assertEquals("usage: mqadmin topicStatus [-h] [-n <arg>] -t <arg> [-v]", runner.outLines().get(0));
        assertEquals(0, runner.contextsOpened);
    }

    @Test
    void unknownCommandFailsWithOneLine() {
        assertEquals(1, runner.run("frobnicate", "-t", "x"));
        assertEquals("mqadmin: no sub command 'frobnicate' (run 'mqadmin' to list the commands)\n", runner.err());
        assertEquals("", runner.out());

        CommandRunner help = new CommandRunner();
        assertEquals(1, help.run("help", "frobnicate"));
        assertEquals("mqadmin: no sub command 'frobnicate' (run 'mqadmin' to list the commands)\n", help.err());
    }

    @Test
    void missingRequiredOptionFailsBeforeConnecting() {
        assertEquals(1, runner.run("topicRoute"));
        assertEquals("mqadmin: topicRoute: Missing required option: t (see 'mqadmin help topicRoute')\n",
            runner.err());
        assertEquals(0, runner.contextsOpened);
    }

    @Test
    void unknownOptionFails() {
        assertEquals(1, runner.run("topicList", "-x"));
        assertEquals("mqadmin: topicList: Unrecognized option: -x (see 'mqadmin help topicList')\n", runner.err());
    }

    @Test
    void nameServerComesFromDashNThenTheEnvironment() throws Exception {
        when(runner.admin.fetchAllTopicList()).thenReturn(new org.cometmq.common.protocol.body.TopicList());
        assertEquals(0, runner.run("topicList", "-n", " 127.0.0.1:1;127.0.0.1:2 "));
        assertEquals("127.0.0.1:1;127.0.0.1:2", runner.openedWithNamesrv);

        CommandRunner fromEnv = new CommandRunner().withEnvironment(Map.of("NAMESRV_ADDR", "127.0.0.1:3"));
        when(fromEnv.admin.fetchAllTopicList()).thenReturn(new org.cometmq.common.protocol.body.TopicList());
        assertEquals(0, fromEnv.run("topicList"));
        assertEquals("127.0.0.1:3", fromEnv.openedWithNamesrv);
    }

    @Test
    void withoutAnyNameServerTheCommandSaysHowToGiveOne() {
        CommandRunner none = new CommandRunner().withEnvironment(Map.of());
        assertEquals(1, none.run("topicList"));
        assertEquals("mqadmin: no name server address: pass -n host:port (several separated by ';') or set"
            + " NAMESRV_ADDR\n", none.err());
        assertEquals(0, none.contextsOpened);
    }

    @Test
    void aFailureIsOneLineWithoutStackTrace() throws Exception {
        when(runner.admin.examineTopicRouteInfo("Missing"))
            .thenThrow(new MQClientException(ResponseCode.TOPIC_NOT_EXIST, "No topic route info in name server"));
        assertEquals(1, runner.run("topicRoute", "-t", "Missing"));
        assertEquals("mqadmin: no route info for topic 'Missing' (is the topic created? try mqadmin topicList)\n",
            runner.err());
        assertEquals("", runner.out());
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheLine() throws Exception {
        when(runner.admin.fetchAllTopicList()).thenThrow(new RemotingConnectException("name server [127.0.0.1:1]"));
        assertEquals(1, runner.run("topicList", "--verbose"));
        String[] lines = runner.err().split("\n");
        assertEquals("mqadmin: connect to name server [127.0.0.1:1] failed: is it running and reachable? (check -n or"
            + " NAMESRV_ADDR, and mqadmin clusterList)", lines[0]);
        assertEquals("org.cometmq.remoting.exception.RemotingConnectException: connect to name server [127.0.0.1:1]"
            + " failed", lines[1]);
        assertTrue(lines[2].startsWith("\tat "), lines[2]);

        CommandRunner shortFlag = new CommandRunner();
        when(shortFlag.admin.fetchAllTopicList()).thenThrow(new RemotingConnectException("x"));
        assertEquals(1, shortFlag.run("topicList", "-v"));
        assertTrue(shortFlag.err().split("\n").length > 2);
    }

    @Test
    void dashVStaysAValueOptionForCommandsThatDefineIt() throws Exception {
        assertEquals(0, runner.run("updateBrokerConfig", "-b", "127.0.0.1:10911", "-k", "flushDiskType", "-v",
            "SYNC_FLUSH"));
        Properties expected = new Properties();
        expected.setProperty("flushDiskType", "SYNC_FLUSH");
        verify(runner.admin).updateBrokerConfig("127.0.0.1:10911", expected);
        assertEquals("update broker config success, 127.0.0.1:10911\n", runner.out());
    }

    @Test
    void badOptionValueIsNamed() throws Exception {
        assertEquals(1, runner.run("updateTopic", "-c", "DefaultCluster", "-t", "T", "-r", "eight"));
        assertEquals("mqadmin: invalid -r 'eight': expected a whole number\n", runner.err());
        verify(runner.admin, never()).createAndUpdateTopicConfig(any(), any());
    }
}
