package org.contactsync.sandbox;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides which requests get an injected fault: first the scripted sequence, one entry per request (a
 * {@link FaultKind#DELTA_TOKEN_EXPIRED} waits for the next delta request), then the configured probability.
 */
final class FaultInjector {

    private final AtomicReference<SandboxSettings.FaultSettings> settings = new AtomicReference<>();
    private final ConcurrentLinkedDeque<FaultKind> script = new ConcurrentLinkedDeque<>();
    private final Random random;

    FaultInjector(SandboxSettings.FaultSettings initial, Random random) {
        this.random = random;
        configure(initial);
    }

    void configure(SandboxSettings.FaultSettings faults) {
        synchronized (script) {
            settings.set(faults);
            script.clear();
            script.addAll(faults.script());
        }
    }

    SandboxSettings.FaultSettings settings() {
        return settings.get();
    }

    /** The fault for this request, if any. */
    Optional<FaultKind> next(boolean isDeltaRequest) {
        synchronized (script) {
            FaultKind head = script.peekFirst();
            if (head != null && (head != FaultKind.DELTA_TOKEN_EXPIRED || isDeltaRequest)) {
                return Optional.of(script.pollFirst());
            }
        }
        SandboxSettings.FaultSettings current = settings.get();
        if (current.probability() > 0 && random.nextDouble() < current.probability()) {
            FaultKind kind = current.randomKinds().get(random.nextInt(current.randomKinds().size()));
            return kind == FaultKind.DELTA_TOKEN_EXPIRED && !isDeltaRequest ? Optional.empty() : Optional.of(kind);
        }
        return Optional.empty();
    }
}
