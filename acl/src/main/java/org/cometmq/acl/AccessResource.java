package org.cometmq.acl;

/** What a validator extracted from one request: who sent it, from where, and what it needs. */
public interface AccessResource {
}
