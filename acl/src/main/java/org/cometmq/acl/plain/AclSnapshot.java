package org.cometmq.acl.plain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACL in force, compiled from every ACL file and never changed after building: a reload builds a new snapshot
 * and swaps it in whole, so a request sees either the old rules or the new ones.
 */
final class AclSnapshot {
    private static final Logger log = LoggerFactory.getLogger(AclSnapshot.class);

    private final List<RemoteAddressStrategy> globalWhiteAddrs;
    private final Map<String, PlainAccount> accounts;
    /** Access key to the path of the file it was loaded from. */
    private final Map<String, String> accountFiles;
    /** Files by path, in load order (default file first). */
    private final Map<String, AclFileContent> files;

    private AclSnapshot(List<RemoteAddressStrategy> globalWhiteAddrs, Map<String, PlainAccount> accounts,
                        Map<String, String> accountFiles, Map<String, AclFileContent> files) {
        this.globalWhiteAddrs = List.copyOf(globalWhiteAddrs);
        this.accounts = Collections.unmodifiableMap(accounts);
        this.accountFiles = Collections.unmodifiableMap(accountFiles);
        this.files = Collections.unmodifiableMap(files);
    }

    static AclSnapshot empty() {
        return new AclSnapshot(List.of(), Map.of(), Map.of(), new LinkedHashMap<>());
    }

    /** Compiles all files; an invalid pattern or account anywhere throws AclException and nothing is built. */
    static AclSnapshot compile(List<AclFileContent> contents) {
        List<RemoteAddressStrategy> global = new ArrayList<>();
        Map<String, PlainAccount> accounts = new HashMap<>();
        Map<String, String> accountFiles = new HashMap<>();
        Map<String, AclFileContent> files = new LinkedHashMap<>();
        for (AclFileContent file : contents) {
            files.put(file.path(), file);
            for (String pattern : file.globalWhiteAddrs()) {
                global.add(RemoteAddressStrategyFactory.getRemoteAddressStrategy(pattern));
            }
            file.accounts().forEach(config -> {
                PlainAccount account = PlainAccount.compile(config);
                if (accounts.putIfAbsent(account.accessKey(), account) == null) {
                    accountFiles.put(account.accessKey(), file.path());
                } else {
                    log.warn("access key {} is defined in {} and again in {}: the first one is used",
                        account.accessKey(), accountFiles.get(account.accessKey()), file.path());
                }
            });
        }
        return new AclSnapshot(global, accounts, accountFiles, files);
    }

    boolean globalWhiteListed(String ip) {
        for (RemoteAddressStrategy strategy : globalWhiteAddrs) {
            if (strategy.match(ip)) {
                return true;
            }
        }
        return false;
    }

    PlainAccount account(String accessKey) {
        return accounts.get(accessKey);
    }

    String fileOf(String accessKey) {
        return accountFiles.get(accessKey);
    }

    Map<String, AclFileContent> files() {
        return files;
    }
}
