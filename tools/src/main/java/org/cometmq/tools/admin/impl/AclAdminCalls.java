package org.cometmq.tools.admin.impl;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.TypeReference;
import java.util.Map;
import org.cometmq.client.exception.MQBrokerException;
import org.cometmq.client.impl.RpcInvoker;
import org.cometmq.common.AclConfig;
import org.cometmq.common.DataVersion;
import org.cometmq.common.PlainAccessConfig;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.body.ClusterAclVersionInfo;
import org.cometmq.common.protocol.body.GetBrokerClusterAclConfigResponseBody;
import org.cometmq.common.protocol.header.CreateAccessConfigRequestHeader;
import org.cometmq.common.protocol.header.DeleteAccessConfigRequestHeader;
import org.cometmq.common.protocol.header.GetBrokerAclConfigResponseHeader;
import org.cometmq.common.protocol.header.UpdateGlobalWhiteAddrsConfigRequestHeader;
import org.cometmq.remoting.CommandCustomHeader;
import org.cometmq.remoting.exception.RemotingCommandException;
import org.cometmq.remoting.exception.RemotingException;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;

/** The broker's ACL management requests (codes 50-54), one method each. */
public class AclAdminCalls {
    private final RpcInvoker rpc;
    private final long timeoutMillis;

    public AclAdminCalls(RpcInvoker rpc, long timeoutMillis) {
        this.rpc = rpc;
        this.timeoutMillis = timeoutMillis;
    }

    private RemotingCommand call(String addr, int code, CommandCustomHeader header)
        throws RemotingException, InterruptedException, MQBrokerException {
        RemotingCommand response = rpc.getRemotingClient().invokeSync(addr, RpcInvoker.command(code, header, null),
            timeoutMillis);
        return RpcInvoker.accept(response, addr);
    }

    public void createAndUpdatePlainAccessConfig(String addr, PlainAccessConfig config)
        throws RemotingException, InterruptedException, MQBrokerException {
        CreateAccessConfigRequestHeader header = new CreateAccessConfigRequestHeader();
        header.setAccessKey(config.getAccessKey());
        header.setSecretKey(config.getSecretKey());
        header.setWhiteRemoteAddress(config.getWhiteRemoteAddress());
        header.setDefaultTopicPerm(config.getDefaultTopicPerm());
        header.setDefaultGroupPerm(config.getDefaultGroupPerm());
        header.setTopicPerms(config.getTopicPerms() == null ? null : String.join(",", config.getTopicPerms()));
        header.setGroupPerms(config.getGroupPerms() == null ? null : String.join(",", config.getGroupPerms()));
        header.setAdmin(config.isAdmin());
        call(addr, RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, header);
    }

    public void deletePlainAccessConfig(String addr, String accessKey)
        throws RemotingException, InterruptedException, MQBrokerException {
        DeleteAccessConfigRequestHeader header = new DeleteAccessConfigRequestHeader();
        header.setAccessKey(accessKey);
        call(addr, RequestCode.DELETE_ACL_CONFIG, header);
    }

    public void updateGlobalWhiteAddrConfig(String addr, String globalWhiteAddrs, String aclFileFullPath)
        throws RemotingException, InterruptedException, MQBrokerException {
        UpdateGlobalWhiteAddrsConfigRequestHeader header = new UpdateGlobalWhiteAddrsConfigRequestHeader();
        header.setGlobalWhiteAddrs(globalWhiteAddrs);
        header.setAclFileFullPath(aclFileFullPath);
        call(addr, RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, header);
    }

    public ClusterAclVersionInfo examineBrokerClusterAclVersionInfo(String addr)
        throws RemotingException, InterruptedException, MQBrokerException {
        RemotingCommand response = call(addr, RequestCode.GET_BROKER_CLUSTER_ACL_INFO, null);
        GetBrokerAclConfigResponseHeader header;
        try {
            header = response.decodeCommandCustomHeader(GetBrokerAclConfigResponseHeader.class);
        } catch (RemotingCommandException e) {
            throw new MQBrokerException(response.getCode(), "unreadable ACL version answer: " + e.getMessage(), addr);
        }
        ClusterAclVersionInfo info = new ClusterAclVersionInfo();
        info.setBrokerName(header.getBrokerName());
        info.setBrokerAddr(header.getBrokerAddr());
        info.setClusterName(header.getClusterName());
        info.setAclConfigDataVersion(RemotingSerializable.fromJson(header.getVersion(), DataVersion.class));
        if (header.getAllAclFileVersion() != null) {
            info.setAllAclConfigDataVersion(JSON.parseObject(header.getAllAclFileVersion(),
                new TypeReference<Map<String, DataVersion>>() { }));
        }
        return info;
    }

    public AclConfig examineBrokerClusterAclConfig(String addr)
        throws RemotingException, InterruptedException, MQBrokerException {
        RemotingCommand response = call(addr, RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG, null);
        GetBrokerClusterAclConfigResponseBody body =
            RemotingSerializable.decode(response.getBody(), GetBrokerClusterAclConfigResponseBody.class);
        AclConfig config = new AclConfig();
        config.setGlobalWhiteAddrs(body == null ? null : body.getGlobalWhiteAddrs());
        config.setPlainAccessConfigs(body == null ? null : body.getPlainAccessConfigs());
        return config;
    }
}
