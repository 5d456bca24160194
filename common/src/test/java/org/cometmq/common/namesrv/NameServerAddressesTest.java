package org.cometmq.common.namesrv;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameServerAddressesTest {

    @Test
    void parsesSemicolonSeparatedEntriesTrimmedWithoutBlanks() {
        assertEquals(List.of("127.0.0.1:9876", "10.0.0.2:9876"), NameServerAddresses.parse(" 127.0.0.1:9876 ;;10.0.0.2:9876;"));
        assertTrue(NameServerAddresses.parse(null).isEmpty());
        assertTrue(NameServerAddresses.parse("  ").isEmpty());
    }

    @Test
    void validateNamesTheFirstEntryThatIsNotHostPort() {
        assertDoesNotThrow(() -> NameServerAddresses.validate("127.0.0.1:9876;localhost:1"));
        assertDoesNotThrow(() -> NameServerAddresses.validate(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> NameServerAddresses.validate("127.0.0.1:9876;127.0.0.1:70000"));
        assertTrue(e.getMessage().startsWith("name server address '127.0.0.1:70000' is not host:port"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NameServerAddresses.validate("127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> NameServerAddresses.validate(":9876"));
    }
}
