package org.cometmq.acl.plain;

import java.util.ArrayList;
import java.util.List;
import org.cometmq.common.DataVersion;
import org.cometmq.common.PlainAccessConfig;

/** The parsed content of one ACL YAML file: global white patterns, accounts and the file's data version. */
final class AclFileContent {
    private final String path;
    private final List<String> globalWhiteAddrs;
    private final List<PlainAccessConfig> accounts;
    private final DataVersion dataVersion;

    AclFileContent(String path, List<String> globalWhiteAddrs, List<PlainAccessConfig> accounts,
                   DataVersion dataVersion) {
        this.path = path;
        this.globalWhiteAddrs = new ArrayList<>(globalWhiteAddrs);
        this.accounts = new ArrayList<>(accounts);
        this.dataVersion = dataVersion;
    }

    String path() {
        return path;
    }

    List<String> globalWhiteAddrs() {
        return globalWhiteAddrs;
    }

    List<PlainAccessConfig> accounts() {
        return accounts;
    }

    DataVersion dataVersion() {
        return dataVersion;
    }

    PlainAccessConfig account(String accessKey) {
        for (PlainAccessConfig account : accounts) {
            if (accessKey.equals(account.getAccessKey())) {
                return account;
            }
        }
        return null;
    }
}
