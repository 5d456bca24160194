package org.cometmq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubCommandsTest {
    @Test
    void theOrderNames57DistinctCommandsAs497ListsThem() {
        assertEquals(57, SubCommands.ORDER.size());
        assertEquals(57, Set.copyOf(SubCommands.ORDER).size());
        assertEquals(List.of("updateTopic", "deleteTopic"), SubCommands.ORDER.subList(0, 2));
        assertEquals(List.of("exportMetadata", "exportConfigs", "exportMetrics"), SubCommands.ORDER.subList(54, 57));
    }

    @Test
    void everyListedCommandHasAnImplementation() {
        Set<String> registered = new LinkedHashSet<>();
        SubCommands.all().forEach(command -> registered.add(command.commandName()));
        Set<String> missing = new LinkedHashSet<>(SubCommands.ORDER);
        missing.removeAll(registered);
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyImplementationIsListedOnceAndComesInTheListedOrder() {
        List<String> registered = SubCommands.all().stream().map(SubCommand::commandName).toList();
        assertEquals(Set.copyOf(registered).size(), registered.size(), registered.toString());
        List<String> listedOrder = SubCommands.ORDER.stream().filter(registered::contains).toList();
        assertEquals(listedOrder, registered);
    }
}
