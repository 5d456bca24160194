package org.cometmq.acl;

import java.util.List;
import java.util.Map;
import org.cometmq.common.AclConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.PlainAccessConfig;
import org.cometmq.remoting.protocol.RemotingCommand;

/** Checks requests against access rules and manages those rules remotely (request codes 50-54). */
public interface AccessValidator {

    /** Extracts credentials, signed content and needed permissions; {@code remoteAddr} is {@code ip:port}. */
    AccessResource parse(RemotingCommand request, String remoteAddr);

    /** Throws {@link org.cometmq.acl.common.AclException} naming the failed check when the request is refused. */
    void validate(AccessResource accessResource);

    /** Creates or updates one account; false or AclException when it cannot be written. */
    boolean updateAccessConfig(PlainAccessConfig plainAccessConfig);

    /** Removes one account; false when the key is unknown. */
    boolean deleteAccessConfig(String accessKey);

    /** Replaces the global white address list of {@code aclFileFullPath} (null or empty: the default file). */
    boolean updateGlobalWhiteAddrsConfig(List<String> globalWhiteAddrsList, String aclFileFullPath);

    /** Version of the default ACL file. */
    DataVersion getAclConfigDataVersion();

    /** Version of every ACL file, by absolute path. */
    Map<String, DataVersion> getAllAclConfigVersion();

    /** Global white addresses and accounts, never with secret keys. */
    AclConfig getAllAclConfig();
}
