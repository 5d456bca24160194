package org.cometmq.acl.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cometmq.acl.common.AclException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every pattern form of ACL.md section 4, with the results the 4.9.7 classes gave. */
class RemoteAddressStrategyFactoryTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "''|192.168.1.1|false",
        "*|1.2.3.4|true",
        "*.*.*.*|1.2.3.4|true",
        "*:*:*:*:*:*:*:*|::1|true",
        "192.168.1.1|192.168.1.1|true",
        "192.168.1.1|192.168.1.2|false",
        "192.168.1.*|192.168.1.200|true",
        "192.168.1.*|192.168.2.1|false",
        "192.168.1.*|192.168.10.5|false",
        "192.168.*.*|192.168.9.9|true",
        "192.168.*.*|192.169.0.1|false",
        "10.*.*.*|10.1.2.3|true",
        "192.*.1.1|192.2.1.1|true",
        "192.*.1.1|192.2.9.9|true",
        "*.*.*.1|1.2.3.1|false",
        "192.168.1.1-100|192.168.1.1|true",
        "192.168.1.1-100|192.168.1.100|true",
        "192.168.1.1-100|192.168.1.101|false",
        "192.168.1-10.*|192.168.5.77|true",
        "192.168.1-10.*|192.168.11.1|false",
        "192.168.1.{1,2,3}|192.168.1.2|true",
        "192.168.1.{1,2,3}|192.168.1.4|false",
        "'192.168.1.1,192.168.1.2'|192.168.1.2|true",
        "'192.168.1.1,192.168.1.2'|192.168.1.3|false",
        "' 192.168.1.* '|192.168.1.5|true",
        "1050:0000:0000:0000:0005:0600:300c:326b|1050:0:0:0:5:600:300c:326b|true",
        "1050::5:600:300c:326b|1050:0:0:0:5:600:300c:326b|true",
        "1050:0:0:0:5:600:300c:*|1050::5:600:300c:1|true",
        "1050:0:0:0:5:600:300c:1-ff|1050::5:600:300c:a0|true",
        "1050:0:0:0:5:600:300c:1-ff|1050::5:600:300c:100|false",
        "1050:0:0:0:5:600:300c:{1,2}|1050::5:600:300c:2|true",
        "1050:0:0:0:5:600:300c:{1,2}|1050::5:600:300c:3|false",
        "::1|0:0:0:0:0:0:0:1|true",
    })
    void matches(String pattern, String ip, boolean expected) {
        assertEquals(expected, RemoteAddressStrategyFactory.getRemoteAddressStrategy(pattern).match(ip));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.*", "192.168.1.1-300", "192.168.{1,2}", "192.168.1.1,192.168.1.*",
        "192.168.1.300", "not-an-address", "1050:0:0:5:*"})
    void invalidPatternsAreRefused(String pattern) {
        assertThrows(AclException.class, () -> RemoteAddressStrategyFactory.getRemoteAddressStrategy(pattern));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"127.0.0.1:10911|127.0.0.1", "0:0:0:0:0:0:0:1:5000|0:0:0:0:0:0:0:1",
        "[0:0:0:0:0:0:0:1]:5000|0:0:0:0:0:0:0:1"})
    void peerIpCutsAtTheLastColon(String peer, String ip) {
        assertEquals(ip, IpAddresses.peerIp(peer));
        assertTrue(RemoteAddressStrategyFactory.getRemoteAddressStrategy(ip).match(IpAddresses.peerIp(peer)));
        assertFalse(RemoteAddressStrategyFactory.getRemoteAddressStrategy("").match(ip));
    }
}
