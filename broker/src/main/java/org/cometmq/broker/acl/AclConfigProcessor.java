package org.cometmq.broker.acl;

import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.cometmq.acl.AccessValidator;
import org.cometmq.acl.common.AclException;
import org.cometmq.broker.processor.Responses;
import org.cometmq.common.AclConfig;
import org.cometmq.common.BrokerConfig;
import org.cometmq.common.PlainAccessConfig;
import org.cometmq.common.protocol.RequestCode;
import org.cometmq.common.protocol.ResponseCode;
import org.cometmq.common.protocol.body.GetBrokerClusterAclConfigResponseBody;
import org.cometmq.common.protocol.header.CreateAccessConfigRequestHeader;
import org.cometmq.common.protocol.header.DeleteAccessConfigRequestHeader;
import org.cometmq.common.protocol.header.GetBrokerAclConfigResponseHeader;
import org.cometmq.common.protocol.header.UpdateGlobalWhiteAddrsConfigRequestHeader;
import org.cometmq.remoting.netty.NettyRequestProcessor;
import org.cometmq.remoting.protocol.RemotingCommand;
import org.cometmq.remoting.protocol.RemotingSerializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACL management codes 50-54: create or update an account, delete one, report the file versions, replace the
 * global white list, and report the whole ACL. Answers never carry a secret key. With ACL off the three changes
 * answer an error saying so and the two reports go unanswered, as 4.9.7's do.
 */
public class AclConfigProcessor implements NettyRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(AclConfigProcessor.class);
    private static final String ACL_OFF = "ACL is not enabled on this broker: set aclEnable=true in the broker config";

    private final AccessValidator validator;
    private final BrokerConfig brokerConfig;
    private final Supplier<String> brokerAddr;

    /** @param validator null when ACL is off */
    public AclConfigProcessor(AccessValidator validator, BrokerConfig brokerConfig, Supplier<String> brokerAddr) {
        this.validator = validator;
        this.brokerConfig = brokerConfig;
        this.brokerAddr = brokerAddr;
    }

    @Override
    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.UPDATE_AND_CREATE_ACL_CONFIG:
                return update(request);
            case RequestCode.DELETE_ACL_CONFIG:
                return delete(request);
            case RequestCode.GET_BROKER_CLUSTER_ACL_INFO:
                return validator == null ? unanswered(request) : versions();
            case RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG:
                return updateGlobalWhite(request);
            case RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG:
                return validator == null ? unanswered(request) : allConfig();
            default:
                return Responses.notSupported(request.getCode());
        }
    }

    /**
     * No answer at all: a 4.9.7 broker without ACL drops the two read requests (its handler fails and answers
     * nothing), so a tool waits for its timeout against either broker. Logged so an operator sees why.
     */
    private static RemotingCommand unanswered(RemotingCommand request) {
        log.warn("request code {} not answered: {}", request.getCode(), ACL_OFF);
        return null;
    }

    private RemotingCommand update(RemotingCommand request) throws Exception {
        CreateAccessConfigRequestHeader header = request.decodeCommandCustomHeader(CreateAccessConfigRequestHeader.class);
        String failed = "The accesskey[" + header.getAccessKey() + "] corresponding to accessConfig has been updated failed.";
        if (validator == null) {
            return Responses.error(ResponseCode.UPDATE_AND_CREATE_ACL_CONFIG_FAILED, ACL_OFF);
        }
        PlainAccessConfig config = new PlainAccessConfig();
        config.setAccessKey(header.getAccessKey());
        config.setSecretKey(header.getSecretKey());
        config.setWhiteRemoteAddress(header.getWhiteRemoteAddress());
        config.setDefaultTopicPerm(header.getDefaultTopicPerm());
        config.setDefaultGroupPerm(header.getDefaultGroupPerm());
        config.setTopicPerms(splitList(header.getTopicPerms()));
        config.setGroupPerms(splitList(header.getGroupPerms()));
        config.setAdmin(header.isAdmin());
        return run(ResponseCode.UPDATE_AND_CREATE_ACL_CONFIG_FAILED, failed,
            () -> validator.updateAccessConfig(config), "account " + header.getAccessKey() + " created or updated");
    }

    private RemotingCommand delete(RemotingCommand request) throws Exception {
        DeleteAccessConfigRequestHeader header = request.decodeCommandCustomHeader(DeleteAccessConfigRequestHeader.class);
        String failed = "The accesskey[" + header.getAccessKey() + "] corresponding to accessConfig has been deleted failed.";
        if (validator == null) {
            return Responses.error(ResponseCode.DELETE_ACL_CONFIG_FAILED, ACL_OFF);
        }
        return run(ResponseCode.DELETE_ACL_CONFIG_FAILED, failed, () -> validator.deleteAccessConfig(header.getAccessKey()),
            "account " + header.getAccessKey() + " deleted");
    }

    private RemotingCommand updateGlobalWhite(RemotingCommand request) throws Exception {
        UpdateGlobalWhiteAddrsConfigRequestHeader header =
            request.decodeCommandCustomHeader(UpdateGlobalWhiteAddrsConfigRequestHeader.class);
        String failed = "The globalWhiteAddresses[" + header.getGlobalWhiteAddrs() + "] has been updated failed.";
        if (validator == null) {
            return Responses.error(ResponseCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED, ACL_OFF);
        }
        List<String> addrs = splitList(header.getGlobalWhiteAddrs());
        return run(ResponseCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED, failed,
            () -> validator.updateGlobalWhiteAddrsConfig(addrs == null ? List.of() : addrs, header.getAclFileFullPath()),
            "global white addresses set to " + addrs);
    }

    private interface AclChange {
        boolean apply();
    }

    private static RemotingCommand run(int failureCode, String failedRemark, AclChange change, String done) {
        try {
            if (!change.apply()) {
                return Responses.error(failureCode, failedRemark);
            }
        } catch (AclException e) {
            log.warn("ACL change refused: {}", e.getMessage());
            return Responses.error(failureCode, e.getMessage());
        }
        log.info("ACL change: {}", done);
        return Responses.success();
    }

    private static List<String> splitList(String commaJoined) {
        if (commaJoined == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(commaJoined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private RemotingCommand versions() {
        RemotingCommand response = RemotingCommand.createResponseCommand(GetBrokerAclConfigResponseHeader.class);
        GetBrokerAclConfigResponseHeader header = (GetBrokerAclConfigResponseHeader) response.readCustomHeader();
        header.setVersion(validator.getAclConfigDataVersion().toJson());
        header.setAllAclFileVersion(RemotingSerializable.toJson(validator.getAllAclConfigVersion(), false));
        header.setBrokerName(brokerConfig.getBrokerName());
        header.setBrokerAddr(brokerAddr.get());
        header.setClusterName(brokerConfig.getBrokerClusterName());
        response.setCode(ResponseCode.SUCCESS);
        response.setRemark(null);
        return response;
    }

    private RemotingCommand allConfig() {
        AclConfig config = validator.getAllAclConfig();
        GetBrokerClusterAclConfigResponseBody body = new GetBrokerClusterAclConfigResponseBody();
        body.setGlobalWhiteAddrs(config.getGlobalWhiteAddrs());
        body.setPlainAccessConfigs(config.getPlainAccessConfigs());
        return Responses.json(body);
    }

    @Override
    public boolean rejectRequest() {
        return false;
    }
}
