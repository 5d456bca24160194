package org.cometmq.client.producer;

/** How the broker stored a sent message; anything but SEND_OK means stored but not as durably as configured. */
public enum SendStatus {
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE,
}
