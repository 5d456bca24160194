package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubCommandsTest {
    /** Listed in {@link SubCommands#ORDER} and not implemented yet (issue 16 is open for them). */
    private static final Set<String> EXPECTED_MISSING = Set.of("startMonitoring");

    @Test
    void theOrderNames57DistinctCommandsAs497ListsThem() {
        assertEquals(57, SubCommands.ORDER.size());
        assertEquals(57, Set.copyOf(SubCommands.ORDER).size());
        assertEquals(List.of("updateTopic", "deleteTopic"), SubCommands.ORDER.subList(0, 2));
        assertEquals(List.of("exportMetadata", "exportConfigs", "exportMetrics"), SubCommands.ORDER.subList(54, 57));
    }

    @Test
    void everyListedCommandHasAnImplementationButTheExpectedMissingOnes() {
        Set<String> registered = new LinkedHashSet<>();
        SubCommands.all().forEach(command -> registered.add(command.commandName()));
        Set<String> missing = new LinkedHashSet<>(SubCommands.ORDER);
        missing.removeAll(registered);
        assertEquals(EXPECTED_MISSING, missing);
    }

    @Test
    void everyImplementationIsListedOnceAndComesInTheListedOrder() {
        List<String> registered = SubCommands.all().stream().map(SubCommand::commandName).toList();
        assertEquals(Set.copyOf(registered).size(), registered.size(), registered.toString());
        List<String> listedOrder = SubCommands.ORDER.stream().filter(registered::contains).toList();
        assertEquals(listedOrder, registered);
    }
}
