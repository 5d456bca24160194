package org.cometmq.acl.common;

/**
 * A request refused by access control, or an ACL file or update that does not parse. The message names the failed
 * check and never carries a secret key.
 */
public class AclException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AclException(String message) {
        super(message);
    }

    public AclException(String message, Throwable cause) {
        super(message, cause);
    }
}
