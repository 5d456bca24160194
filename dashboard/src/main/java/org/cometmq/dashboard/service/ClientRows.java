package org.cometmq.dashboard.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cometmq.common.MQVersion;
import org.cometmq.common.protocol.body.Connection;

/** Client connections (producers or consumers) as table rows, ordered by client id. */
public final class ClientRows {
    private ClientRows() {
    }

    public static List<Map<String, Object>> of(Collection<Connection> connections) {
        return connections.stream().sorted(Comparator.comparing(Connection::getClientId)).map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("clientId", c.getClientId());
            row.put("clientAddr", c.getClientAddr());
            row.put("language", String.valueOf(c.getLanguage()));
            row.put("version", MQVersion.getVersionDesc(c.getVersion()));
            return row;
        }).toList();
    }
}
