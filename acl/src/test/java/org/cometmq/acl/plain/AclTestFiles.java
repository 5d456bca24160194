package org.cometmq.acl.plain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample ACL of ACL.md section 2, written under a temp home. */
final class AclTestFiles {
    static final String SAMPLE = String.join("\n",
        "globalWhiteRemoteAddresses:",
        "  - 10.10.103.*",
        "accounts:",
        "  - accessKey: RocketMQ",
        "    secretKey: 12345678",
        "    whiteRemoteAddress:",
        "    admin: false",
        "    defaultTopicPerm: DENY",
        "    defaultGroupPerm: SUB",
        "    topicPerms:",
        "      - topicA=DENY",
        "      - topicB=PUB|SUB",
        "      - topicC=SUB",
        "      - TopicTest=PUB",
        "    groupPerms:",
        "      - groupA=DENY",
        "      - groupB=PUB|SUB",
        "      - groupC=SUB",
        "  - accessKey: rocketmq2",
        "    secretKey: 12345678",
        "    whiteRemoteAddress: 192.168.1.*",
        "    admin: true",
        "");

    private AclTestFiles() {
    }

    static Path writeAcl(Path home, String content) throws IOException {
        Path file = home.resolve("conf").resolve("plain_acl.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
