package org.contactsync.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This server's name in leases and logs: host, process and a random part, so that several servers (or several
 * starts on one host) sharing the database never take each other's leases for their own.
 */
public final class ServerName {

    private static final String THIS_SERVER = hostName() + "/" + ProcessHandle.current().pid() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private ServerName() {
    }

    public static String thisServer() {
        return THIS_SERVER;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
