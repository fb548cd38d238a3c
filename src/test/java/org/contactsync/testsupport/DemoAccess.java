package org.contactsync.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The demo users' REST credentials (README: user name and web service access key) as HTTP Basic headers. */
public final class DemoAccess {

    public static final String ADMIN = basic("admin", "admin-ws-key-demo-0000000000000000");
    public static final String ALICE = basic("alice", "alice-ws-key-demo-000000000000000");
    public static final String BOB = basic("bob", "bob-ws-key-demo-00000000000000000");

    private DemoAccess() {
    }

    /** The {@code Authorization} header value of HTTP Basic for {@code userName} and {@code accessKey}. */
    public static String basic(String userName, String accessKey) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((userName + ":" + accessKey).getBytes(StandardCharsets.UTF_8));
    }
}
