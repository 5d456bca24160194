package org.cometmq.broker.processor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerConfigSecretsTest {

    @Test
    void passwordsAreLeftOutOfTheReportedSettingsAndEverythingElseStays() {
        Properties all = new Properties();
        all.setProperty("tlsKeyStorePassword", "s3cret");
        all.setProperty("tlsTrustStorePassword", "s3cret2");
        all.setProperty("brokerName", "broker-a");
        all.setProperty("listenPort", "10911");

        Properties reported = BrokerConfigProcessor.withoutSecrets(all);

        assertFalse(reported.containsKey("tlsKeyStorePassword"));
        assertFalse(reported.containsKey("tlsTrustStorePassword"));
        assertEquals("broker-a", reported.getProperty("brokerName"));
        assertEquals("10911", reported.getProperty("listenPort"));
        assertEquals(2, reported.size());
    }
}
