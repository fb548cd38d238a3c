/**
 * What every feature stands on: the datasource and its Flyway migrations, configuration keys, the clock, the
 * user-interface shell (locale, navigation) and error handling, this server's name in leases
 * ({@link org.contactsync.platform.ServerName}), one server at a time seeding a shared database at start-up
 * ({@link org.contactsync.platform.SeedingLock}) and the nightly purge of every feature's
 * {@link org.contactsync.platform.Purgeable} log, the one rule for typed text
 * ({@link org.contactsync.platform.PlainText}) and the security headers of every response
 * ({@code web.SecurityHeaders}). Knows no feature; every feature may use it.
 *
 * <h2>How every feature reaches the database</h2>
 * <ul>
 * <li><b>A repository per aggregate</b> ({@code UserRepository}, {@code ContactRepository},
 * {@code ExchangeSyncRepository}, {@code GraphConnectionRepository}, {@code JobQueueRepository},
 * {@code SyncRepository}): a {@code @Dependent} CDI bean extending {@link org.contactsync.platform.EntityRepository}
 * that holds the container's {@code EntityManager} (produced by {@link org.contactsync.platform.PersistenceUnit})
 * and every query of its aggregate (JPQL, Criteria, bulk updates, locks). It opens no transaction of its own: it
 * works in its caller's. Its one constructor takes the {@code EntityManager}, so the persistence tests run it on H2
 * and PostgreSQL outside the container.</li>
 * <li><b>Services</b> hold the rules and the transaction: {@code @Transactional} CDI beans ({@code @ApplicationScoped}),
 * each public method one transaction (joining the caller's when there is one). They reach the database only
 * through repositories: no service holds an {@code EntityManager} or runs a query itself.</li>
 * <li><b>A store</b> ({@code sync.SyncStore}, {@code jobqueue.JobQueueStore},
 * {@code employee.security.SignInAttemptStore}) is the one exception, and its name says so:
 * {@code @Transactional(REQUIRES_NEW)}, every method its own transaction, for work that must commit step by step
 * whatever its caller does (a sync run's chunks, a job's claim and log, a failed sign-in on a form whose transaction
 * rolls back), so that an interrupted run or a failed job keeps what it recorded. Nothing else uses
 * {@code REQUIRES_NEW}.</li>
 * </ul>
 * Why: one home per query (to find it, to test it on both databases, to change it once), services testable with a
 * repository on a test database, and one kind of transaction boundary to reason about instead of four (a stateless
 * EJB making a repository per call, inline queries, CDI services and stores each did it their own way before).
 * {@link org.contactsync.platform.SeedingLock} (a PostgreSQL advisory lock, not an aggregate) is the only other
 * holder of an {@code EntityManager}.
 */
package org.contactsync.platform;
