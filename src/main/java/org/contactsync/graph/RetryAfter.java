package org.contactsync.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Reads a throttled or unavailable answer's {@code Retry-After}, for whole requests and batch items alike. Graph
 * sends delay-seconds ({@code concepts/throttling.md}); HTTP also allows an HTTP date; a zero, absent, negative or
 * garbled value is no usable hint, and then the client backs off exponentially with jitter.
 *
 * <p>The SDK's RetryHandler (kiota-java 1.8) sleeps for what it parses and throws "timeout value is negative" on a
 * negative number, a date already past or anything garbled (microsoft/kiota-java#2038, #2005). So
 * {@link #normalise(Interceptor.Chain)}, a network interceptor below it, hands it only what it handles: positive
 * delay-seconds, or no header, for which it uses its own exponential back-off with jitter. Hand-written because
 * the SDK offers no hook for the parsing.
 */
final class RetryAfter {

    static final String HEADER = "Retry-After";
    /** The statuses the RetryHandler retries, and the ones a batch item is sent again for. */
    static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);
    /** The first back-off when the answer gave no usable hint. */
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    /** Back-off never grows past this. */
    static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(30);

    private RetryAfter() {
    }

    /** The wait a {@code Retry-After} value asks for, when it is a usable one: positive seconds or a future date. */
    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                long seconds = Long.parseLong(value);
                return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException tooLong) {
                return Optional.of(LONGEST_BACK_OFF);
            }
        }
        try {
            Instant until = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value));
            return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
        } catch (DateTimeParseException garbled) {
            return Optional.empty();
        }
    }

    /**
     * The wait before retry number {@code attempt} (1 for the first) when the answer gave no usable hint: 1, 2, 4 …
     * seconds up to {@link #LONGEST_BACK_OFF}, each between half and all of that ("equal jitter"), so that clients
     * throttled together do not come back together.
     */
    static Duration backOff(int attempt) {
        long ceiling = Math.min(LONGEST_BACK_OFF.toMillis(),
                FIRST_BACK_OFF.toMillis() << Math.min(Math.max(attempt, 1) - 1, 16));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    /** The wait for a batch item's answer: its usable Retry-After, else the back-off for that attempt. */
    static Duration forItem(String header, int attempt) {
        return parse(header, Instant.now()).orElseGet(() -> backOff(attempt));
    }

    /**
     * A network interceptor: a retryable answer keeps its Retry-After only as positive delay-seconds (a future date
     * becomes the seconds until then, rounded up); any other value is removed, so the RetryHandler backs off.
     */
    static Response normalise(Interceptor.Chain chain) throws java.io.IOException {
        Response response = chain.proceed(chain.request());
        String header = response.header(HEADER);
        if (header == null || !RETRYABLE.contains(response.code())) {
            return response;
        }
        Optional<Duration> wait = parse(header, Instant.now());
        Response.Builder cleaned = response.newBuilder().removeHeader(HEADER);
        wait.ifPresent(w -> cleaned.header(HEADER, Long.toString(Math.max(1, (w.toMillis() + 999) / 1000))));
        return cleaned.build();
    }

    /** The wait, in seconds, a normalised answer makes the RetryHandler take, for the session's budget. */
    static double secondsAsked(Response response) {
        return parse(response.header(HEADER), Instant.now()).orElse(FIRST_BACK_OFF).toMillis() / 1000.0;
    }
}
