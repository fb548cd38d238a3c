/**
 * What operations watch: the application's MicroProfile Metrics and the Microsoft 365 health check.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Metrics.</b> {@link org.contactsync.monitoring.ContactSyncMetrics} alone names and registers them (listed in
 * the README, "Metrics and health"). Features report facts through seams of their own: the engine's
 * {@code SyncRunEnded} and the job queue's {@code JobRunEnded} CDI events, fired in the transaction that records the
 * end and counted after it commits, and {@code graph}'s {@code GraphTraffic} for requests, 429 answers and waits.
 * Counters count what this server did since it started (Prometheus sums servers); the failing-employees gauge reads
 * the shared database, so every server reports the same number (take the max, not the sum).</li>
 * <li><b>Health.</b> {@link org.contactsync.monitoring.MicrosoftConnectionHealthCheck} is degraded, never DOWN, when
 * Graph throttles (why: on the class); the database check is {@code platform.DatabaseHealthCheck}.</li>
 * </ul>
 *
 * <h2>Layering</h2>
 * Above the features, like {@code restapi}: imports {@code sync}, {@code jobqueue}, {@code graph} (its
 * {@code GraphTraffic} only), {@code exchange} and {@code platform}; nothing imports {@code monitoring}.
 */
package org.contactsync.monitoring;
