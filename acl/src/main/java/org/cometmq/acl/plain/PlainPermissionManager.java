package org.cometmq.acl.plain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cometmq.acl.common.AclException;
import org.cometmq.common.AclConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.PlainAccessConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the ACL files: {@code <home>/<rocketmq.acl.plain.file>} (default {@code conf/plain_acl.yml}, created empty
 * when missing) plus every {@code *.yml}/{@code *.yaml} under {@code <home>/conf/acl/}. Loads them into an
 * {@link AclSnapshot}; a reload that fails keeps the last good snapshot and logs why. Remote updates rewrite the
 * owning file atomically and reload at once.
 */
public class PlainPermissionManager {
    public static final String ACL_FILE_PROPERTY = "rocketmq.acl.plain.file";
    public static final String DEFAULT_ACL_FILE = "conf/plain_acl.yml";
    private static final Logger log = LoggerFactory.getLogger(PlainPermissionManager.class);

    private final Path home;
    private final Path defaultFile;
    private volatile AclSnapshot snapshot = AclSnapshot.empty();

    /** Loads the files now; throws AclException when they are invalid (a broker must not start on a broken ACL). */
    public PlainPermissionManager(String home) {
        this(home, System.getProperty(ACL_FILE_PROPERTY, DEFAULT_ACL_FILE));
    }

    public PlainPermissionManager(String home, String aclFileRelativePath) {
        if (home == null || home.isBlank()) {
            throw new AclException("ACL is enabled but the home directory is unknown: set rocketmqHome, the JVM "
                + "property rocketmq.home.dir or ROCKETMQ_HOME so <home>/" + aclFileRelativePath + " can be read");
        }
        this.home = Paths.get(home).toAbsolutePath().normalize();
        this.defaultFile = this.home.resolve(aclFileRelativePath).normalize();
        ensureDefaultFile();
        this.snapshot = AclSnapshot.compile(readAll());
        log.info("ACL loaded from {}", snapshot.files().keySet());
    }

    private void ensureDefaultFile() {
        try {
            if (!Files.exists(defaultFile)) {
                Files.createDirectories(defaultFile.getParent());
                Files.createFile(defaultFile);
                log.info("created empty ACL file {}", defaultFile);
            }
        } catch (IOException e) {
            throw new AclException("cannot create ACL file " + defaultFile + ": " + e.getMessage(), e);
        }
    }

    /** The default file first, then the extra files in path order. */
    List<Path> aclFiles() {
        List<Path> files = new ArrayList<>();
        files.add(defaultFile);
        Path extra = home.resolve("conf").resolve("acl");
        Path tools = home.resolve("conf").resolve("tools.yml");
        if (Files.isDirectory(extra)) {
            try (Stream<Path> walk = Files.walk(extra)) {
                files.addAll(walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(p -> !p.equals(tools) && !p.equals(defaultFile)).sorted().collect(Collectors.toList()));
            } catch (IOException e) {
                log.warn("cannot list ACL files under {}: {}", extra, e.toString());
            }
        }
        return files;
    }

    private List<AclFileContent> readAll() {
        List<AclFileContent> contents = new ArrayList<>();
        for (Path file : aclFiles()) {
            if (Files.isRegularFile(file)) {
                contents.add(AclYamlFile.read(file));
            }
        }
        return contents;
    }

    /** Modification time of every ACL file, for the watcher to notice a change, an added or a removed file. */
    Map<Path, String> fingerprint() {
        Map<Path, String> times = new LinkedHashMap<>();
        for (Path file : aclFiles()) {
            times.put(file, file.toFile().lastModified() + "/" + file.toFile().length());
        }
        return times;
    }

    /** Re-reads all files; on any error keeps the rules in force, logs why and returns false. */
    public synchronized boolean reload() {
        try {
            snapshot = AclSnapshot.compile(readAll());
            log.info("ACL reloaded from {}", snapshot.files().keySet());
            return true;
        } catch (AclException e) {
            log.warn("ACL files not reloaded, the previous rules stay in force: {}", e.getMessage());
            return false;
        }
    }

    AclSnapshot snapshot() {
        return snapshot;
    }

    /** Creates or updates an account in the file that holds it (new accounts go to the default file). */
    public synchronized boolean updateAccessConfig(PlainAccessConfig update) {
        if (update == null || update.getAccessKey() == null) {
            throw new AclException("an ACL update needs an accessKey");
        }
        String owner = snapshot.fileOf(update.getAccessKey());
        Path file = owner == null ? defaultFile : Paths.get(owner);
        AclFileContent content = current(file);
        PlainAccessConfig merged = AclConfigMerger.merge(content.account(update.getAccessKey()), update);
        PlainAccount.checkPermStrings(merged);
        PlainAccount.compile(merged);
        List<PlainAccessConfig> accounts = new ArrayList<>(content.accounts());
        accounts.removeIf(a -> update.getAccessKey().equals(a.getAccessKey()));
        accounts.add(merged);
        rewrite(file, content.globalWhiteAddrs(), accounts, content.dataVersion());
        return true;
    }

    /** Deletes an account; false when no file holds it. */
    public synchronized boolean deleteAccessConfig(String accessKey) {
        String owner = accessKey == null ? null : snapshot.fileOf(accessKey);
        if (owner == null) {
            return false;
        }
        Path file = Paths.get(owner);
        AclFileContent content = current(file);
        List<PlainAccessConfig> accounts = new ArrayList<>(content.accounts());
        accounts.removeIf(a -> accessKey.equals(a.getAccessKey()));
        rewrite(file, content.globalWhiteAddrs(), accounts, content.dataVersion());
        return true;
    }

    /** Replaces the global white list of one ACL file under the home directory (null or empty: the default file). */
    public synchronized boolean updateGlobalWhiteAddrsConfig(List<String> addrs, String aclFileFullPath) {
        Path file = aclFileFullPath == null || aclFileFullPath.isBlank() ? defaultFile
            : Paths.get(aclFileFullPath).toAbsolutePath().normalize();
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!file.startsWith(home) || !Files.isRegularFile(file) || !(name.endsWith(".yml") || name.endsWith(".yaml"))) {
            log.warn("global white list not updated: {} is not an existing .yml/.yaml file under {}", file, home);
            return false;
        }
        List<String> patterns = addrs.stream().map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        patterns.forEach(RemoteAddressStrategyFactory::getRemoteAddressStrategy);
        AclFileContent content = current(file);
        rewrite(file, patterns, content.accounts(), content.dataVersion());
        return true;
    }

    private AclFileContent current(Path file) {
        return Files.isRegularFile(file) ? AclYamlFile.read(file) : new AclFileContent(file.toString(), List.of(),
            List.of(), new DataVersion());
    }

    private void rewrite(Path file, List<String> global, List<PlainAccessConfig> accounts, DataVersion version) {
        DataVersion next = new DataVersion();
        next.assignNewOne(version);
        next.nextVersion();
        AclYamlFile.write(file, global, accounts, next);
        if (!reload()) {
            throw new AclException("ACL file " + file + " was written but does not load; see the broker log");
        }
    }

    /** Version of the default file. */
    public DataVersion getAclConfigDataVersion() {
        AclFileContent content = snapshot.files().get(defaultFile.toString());
        return content == null ? new DataVersion() : content.dataVersion();
    }

    public Map<String, DataVersion> getAllAclConfigVersion() {
        Map<String, DataVersion> versions = new LinkedHashMap<>();
        snapshot.files().forEach((path, content) -> versions.put(path, content.dataVersion()));
        return versions;
    }

    /** Everything in force, with every secret key left out. */
    public AclConfig getAllAclConfig() {
        List<String> global = new ArrayList<>();
        List<PlainAccessConfig> accounts = new ArrayList<>();
        for (AclFileContent content : snapshot.files().values()) {
            global.addAll(content.globalWhiteAddrs());
            for (PlainAccessConfig account : content.accounts()) {
                PlainAccessConfig copy = AclConfigMerger.merge(null, account);
                copy.setSecretKey(null);
                accounts.add(copy);
            }
        }
        AclConfig config = new AclConfig();
        config.setGlobalWhiteAddrs(global);
        config.setPlainAccessConfigs(accounts);
        return config;
    }

    public Path getDefaultFile() {
        return defaultFile;
    }
}
