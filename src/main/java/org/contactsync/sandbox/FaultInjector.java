package org.contactsync.sandbox;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides which requests get an injected fault: first the scripted sequence, one entry per request (an entry waits
 * for a request it applies to: {@link FaultKind#DELTA_TOKEN_EXPIRED} for the next delta request, the
 * {@code APPLIED_THEN_*} kinds for the next write, the {@code ITEM_APPLIED_THEN_*} kinds for the next write inside a
 * {@code $batch}), then the configured probability over the kinds that apply.
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

    /**
     * What a request is, as far as faults care.
     *
     * @param batchItem one item of a {@code $batch} (whole requests are not)
     * @param delta     a delta request that continues a round ({@code $deltatoken} or {@code $skiptoken})
     * @param write     POST, PATCH, PUT or DELETE (a {@code $batch} with such an item counts as one write)
     */
    record Occasion(boolean batchItem, boolean delta, boolean write) {

        static Occasion of(GraphRequest request, boolean batchItem, boolean delta) {
            return new Occasion(batchItem, delta, writes(request));
        }

        /** POST, PATCH, PUT or DELETE; a {@code $batch} when one of its items is (a batch of GETs only reads). */
        private static boolean writes(GraphRequest request) {
            if (!request.path().equals("/$batch")) {
                return !request.method().equals("GET");
            }
            return request.body().filter(b -> b instanceof jakarta.json.JsonObject).map(b -> b.asJsonObject().get("requests"))
                    .filter(r -> r instanceof jakarta.json.JsonArray).map(jakarta.json.JsonValue::asJsonArray)
                    .map(items -> items.stream().anyMatch(item -> item instanceof jakarta.json.JsonObject o
                            && !o.getString("method", "GET").equalsIgnoreCase("GET")))
                    .orElse(true);
        }
    }

    /** The fault for this request, if any. */
    Optional<FaultKind> next(Occasion occasion) {
        synchronized (script) {
            FaultKind head = script.peekFirst();
            if (head != null && head.appliesTo(occasion)) {
                return Optional.of(script.pollFirst());
            }
        }
        SandboxSettings.FaultSettings current = settings.get();
        if (occasion.batchItem() && current.randomKinds().stream().noneMatch(kind -> kind.appliesTo(occasion))) {
            return Optional.empty(); // batch items draw only when an item fault is among the kinds
        }
        if (current.probability() > 0 && random.nextDouble() < current.probability()) {
            FaultKind kind = current.randomKinds().get(random.nextInt(current.randomKinds().size()));
            return kind.appliesTo(occasion) ? Optional.of(kind) : Optional.empty();
        }
        return Optional.empty();
    }
}
