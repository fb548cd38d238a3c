package org.contactsync.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How the sandbox writes the {@code Retry-After} of its 429 and 503 answers (setting
 * {@code contactsync.sandbox.faults.retry-after}). Graph documents delay-seconds ({@code concepts/throttling.md});
 * HTTP allows an HTTP date (RFC 9110, section 10.2.3); clients have met zero, absent, negative and garbled values
 * (microsoft/kiota-java#2005, #2038), so each is a form the product must survive.
 */
public enum RetryAfterForm {
    /** Delay-seconds, as Graph documents: {@code Retry-After: 3}. */
    SECONDS,
    /** {@code Retry-After: 0}. */
    ZERO,
    /** An HTTP date that many seconds ahead: {@code Retry-After: Fri, 04 Dec 2026 16:40:03 GMT}. */
    HTTP_DATE,
    /** No Retry-After header at all. */
    ABSENT,
    /** A negative number of seconds: {@code Retry-After: -3}. */
    NEGATIVE,
    /** Something that is neither: {@code Retry-After: soon}. */
    GARBLED;

    /** The header value for a wait of {@code seconds} from {@code now}; empty when the header is left out. */
    Optional<String> render(long seconds, Instant now) {
        return switch (this) {
            case SECONDS -> Optional.of(Long.toString(seconds));
            case ZERO -> Optional.of("0");
            case HTTP_DATE -> Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(now.plusSeconds(seconds).atOffset(ZoneOffset.UTC)));
            case ABSENT -> Optional.empty();
            case NEGATIVE -> Optional.of("-" + Math.max(1, seconds));
            case GARBLED -> Optional.of("soon");
        };
    }
}
