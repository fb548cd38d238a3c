package org.contactsync.jobqueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.contactsync.jobqueue.JobQueueRepository.Candidate;
import org.contactsync.jobqueue.JobQueueRepository.Claimed;
import org.contactsync.jobqueue.JobQueueRepository.ClaimedPart;
import org.contactsync.jobqueue.JobQueueRepository.PartCandidate;
import org.contactsync.jobqueue.JobResult.Item;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.Purgeable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The scheduler's database work, each method its own transaction (a run is not one: it may take long). */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class JobQueueStore implements Purgeable {

    /** The most entries one heartbeat claims. */
    private static final int CLAIMS_PER_BEAT = 20;
    /** The most parts one look for work sees: more than a server runs at a time, as other servers take some. */
    private static final int PART_CANDIDATES = 100;

    @Inject
    JobQueueRepository repository;

    @Inject
    Clock clock;

    @Inject
    JobQueueConfig config;

    @Inject
    Event<JobRunEnded> runsEnded;

    @Inject
    JobRunner runner;

    @Inject
    @ConfigProperty(name = "contactsync.jobqueue.log-retention-days")
    int logRetentionDays;

    public List<Candidate> claimable() {
        return repository.claimable(clock.instant(), CLAIMS_PER_BEAT);
    }

    public Optional<Claimed> claim(Candidate candidate, String server) {
        return repository.claim(candidate, server, clock.instant(), config.lease());
    }

    public int renewLeases(Collection<Long> entryIds, String server) {
        return repository.renewLeases(entryIds, server, clock.instant().plus(config.lease()));
    }

    public void finish(Claimed claimed, String server, JobResult result) {
        repository.finish(claimed, server, result, clock.instant(), config.runTimes());
        ended(claimed.objectType(), claimed.objectId(), result);
    }

    /** Splits a claimed run into its parts (none: the run ends now). */
    public void startParts(Claimed claimed, List<String> subjects) {
        endedIfClosed(claimed.objectType(), claimed.objectId(), repository.startParts(claimed, subjects,
                summaryOf(claimed.objectType(), claimed.objectId()), clock.instant(), config.runTimes()));
    }

    /** Splits a Run Once (foreground) into its parts (none: the run ends now). */
    public void startUnclaimedParts(UnclaimedRun run, List<String> subjects) {
        endedIfClosed(run.objectType(), run.objectId(), repository.startUnclaimedParts(run.logEntryId(), subjects,
                summaryOf(run.objectType(), run.objectId()), clock.instant(), config.runTimes()));
    }

    public List<PartCandidate> claimableParts() {
        return repository.claimableParts(clock.instant(), PART_CANDIDATES);
    }

    public Optional<ClaimedPart> claimPart(PartCandidate candidate, String server) {
        return repository.claimPart(candidate, server, clock.instant(), config.lease());
    }

    public int renewPartLeases(Collection<Long> partIds, String server) {
        return repository.renewPartLeases(partIds, server, clock.instant().plus(config.lease()));
    }

    /** Ends a part this server ran; the last part of a run ends the run. */
    public void endPart(ClaimedPart part, String server, Item item) {
        endedIfClosed(part.objectType(), part.objectId(), repository.endPart(part, server, item,
                runner.retryOnceAfter(part.objectType(), part.objectId(), item),
                summaryOf(part.objectType(), part.objectId()), clock.instant(), config.runTimes()));
    }

    /** How the job sums up a run's parts into the run's result. */
    private Function<List<Item>, JobResult> summaryOf(ObjectType objectType, int objectId) {
        return items -> runner.summary(objectType, objectId, items);
    }

    /** Tells the job a run ended, when the step that closed its parts ended it. */
    private void endedIfClosed(ObjectType objectType, int objectId, Optional<JobResult> result) {
        result.ifPresent(ended -> ended(objectType, objectId, ended));
    }

    private void ended(ObjectType type, int objectId, JobResult result) {
        runsEnded.fire(new JobRunEnded(type, objectId, result.status()));
    }

    /** What Run Once runs: its log entry and the entry's job. */
    public record UnclaimedRun(long logEntryId, ObjectType objectType, int objectId, String parameterString) {
    }

    /** Run Once (foreground): a log entry of its own; the entry's status stays as it is. */
    public UnclaimedRun startUnclaimedRun(long entryId, String server, String userId) {
        JobQueueEntry entry = repository.entry(entryId).orElseThrow(() -> new ApplicationException(
                ApplicationException.Kind.NOT_FOUND, JobQueueMessages.of("entry.notFound", entryId)));
        long logEntryId = repository.startUnclaimedRun(entry, server, userId, clock.instant()).getId();
        return new UnclaimedRun(logEntryId, entry.getObjectType(), entry.getObjectId(), entry.getParameterString());
    }

    /** A log entry as it was committed. */
    public Optional<JobQueueLogEntry> logEntry(long logEntryId) {
        return repository.logEntry(logEntryId);
    }

    public void endUnclaimedRun(long logEntryId, JobResult result) {
        repository.endLog(logEntryId, result, result.summary(), clock.instant());
        repository.logEntry(logEntryId).ifPresent(log -> ended(log.getObjectType(), log.getObjectId(), result));
    }

    @Override
    public String purgedWhat() {
        return "job queue log entries";
    }

    @Override
    public Duration retention() {
        return Duration.ofDays(logRetentionDays);
    }

    @Override
    public int purgeBefore(Instant before) {
        return repository.purgeLogBefore(before);
    }
}
