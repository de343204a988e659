package io.jenkins.plugins.guestinspect.agents;

import java.io.IOException;
import java.net.InetAddress;

/** The host name of the machine this runs on, as the agent knows itself; empty when it cannot be had. */
final class HostName {
    private HostName() {
    }

    static String get() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (IOException exception) {
            return "";
        }
    }
}
