package org.contactsync.sandbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one mailbox has seen since the last reset: requests that reached it (batch items each count), how many of
 * them were throttled (429), how many got an injected fault, and requests by HTTP method.
 */
public record MailboxCounters(long requests, long throttled, long faults, Map<String, Long> byMethod) {

    public MailboxCounters {
        byMethod = Map.copyOf(new TreeMap<>(byMethod));
    }
}
