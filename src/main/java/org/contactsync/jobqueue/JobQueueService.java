package org.contactsync.jobqueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.contactsync.employee.Caller;
import org.contactsync.jobqueue.JobQueueJob.JobContext;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;
import org.contactsync.platform.PlainText;

/**
 * What administrators do with the job queue: Job Queue Entries (create, change, delete, Set Status to Ready, Set On
 * Hold, Run Once (foreground)) and their log. Everyone else is refused, here, so that a crafted request gets the same
 * answer as the page.
 */
@ApplicationScoped
@Transactional
public class JobQueueService {

    /** The most log entries a list shows. */
    public static final int MAX_LOG_ENTRIES = 500;

    /** How often Run Once looks whether its run has ended. */
    private static final Duration RUN_ONCE_POLL = Duration.ofMillis(250);

    @Inject
    JobQueueRepository repository;

    @Inject
    Clock clock;

    @Inject
    JobQueueConfig config;

    @Inject
    JobRegistry registry;

    @Inject
    JobQueueStore store;

    @Inject
    JobRunner runner;

    @Inject
    JobQueueDispatcher dispatcher;

    public List<JobQueueEntry> entries(Caller caller) {
        requireAdmin(caller);
        return repository.entries();
    }

    public JobQueueEntry entry(Caller caller, long id) {
        requireAdmin(caller);
        return found(repository.entry(id), id);
    }

    /** A new entry, On Hold. */
    public JobQueueEntry create(Caller caller, JobQueueEntrySettings settings) {
        requireAdmin(caller);
        check(settings);
        JobQueueEntry entry = new JobQueueEntry(settings, config.zone(), caller.userName(), clock.instant());
        repository.add(entry);
        return entry;
    }

    /** Saves the card read at {@code readVersion}; a Ready entry goes On Hold. Refused while it runs. */
    public JobQueueEntry save(Caller caller, long id, JobQueueEntrySettings settings, long readVersion) {
        JobQueueEntry entry = changeable(caller, id, readVersion);
        check(settings);
        entry.change(settings, config.zone(), caller.userName(), clock.instant());
        repository.flush();
        return entry;
    }

    public void delete(Caller caller, long id) {
        JobQueueEntry entry = lockedEntry(caller, id);
        if (entry.getStatus() == JobQueueStatus.IN_PROCESS) {
            throw new ApplicationException(Kind.CONFLICT, JobQueueMessages.of("entry.refused.inProcess"));
        }
        repository.remove(entry);
    }

    /** Set Status to Ready: the entry is scheduled from now on and runs for the caller. */
    public JobQueueEntry setReady(Caller caller, long id) {
        JobQueueEntry entry = lockedEntry(caller, id);
        check(entry.settings(config.zone()));
        entry.setReady(caller.userName(), clock.instant(), config.runTimes());
        repository.flush();
        return entry;
    }

    /** Set On Hold: no further runs until it is set Ready again; a run in process finishes. */
    public JobQueueEntry setOnHold(Caller caller, long id) {
        JobQueueEntry entry = lockedEntry(caller, id);
        entry.setOnHold(caller.userName(), clock.instant());
        repository.flush();
        return entry;
    }

    /**
     * Run Once (foreground): runs the entry's job now on the caller's request and waits until its run has ended,
     * logging the run; the entry's status and schedule stay as they are. Its parts are spread over the servers as a
     * scheduled run's are (this server starts on them at once), so the wait is for the database to say it ended.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public JobQueueLogEntry runOnce(Caller caller, long id) {
        requireAdmin(caller);
        // Every read and write in a transaction of the store's: an entity manager used outside one here would be
        // closed both by the job's threads (they carry this request's context) and by the request's end (a 500).
        var run = store.startUnclaimedRun(id, JobQueueDispatcher.server(), caller.userName());
        var start = runner.start(run.objectType(), run.objectId(),
                new JobContext(id, run.parameterString(), caller.userName()));
        start.failed().ifPresentOrElse(failed -> store.endUnclaimedRun(run.logEntryId(), failed), () -> {
            store.startUnclaimedParts(run, start.subjects());
            dispatcher.claimParts();
        });
        return endOf(run.logEntryId());
    }

    /** The log entry once its run has ended, whichever server ended it. */
    private JobQueueLogEntry endOf(long logEntryId) {
        while (true) {
            JobQueueLogEntry log = store.logEntry(logEntryId).orElseThrow(() -> new ApplicationException(
                    Kind.NOT_FOUND, JobQueueMessages.of("log.notFound", logEntryId)));
            if (log.getStatus() != JobRunStatus.IN_PROCESS) {
                return log;
            }
            try {
                Thread.sleep(RUN_ONCE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Run Once was interrupted while its run went on", e);
            }
        }
    }

    /** Job Queue Log Entries, newest first: of one entry, or of all. */
    public List<JobQueueLogEntry> logEntries(Caller caller, Optional<Long> entryId) {
        requireAdmin(caller);
        return repository.logEntries(entryId, MAX_LOG_ENTRIES);
    }

    public JobQueueLogEntry logEntry(Caller caller, long id) {
        requireAdmin(caller);
        return repository.logEntry(id).orElseThrow(() -> new ApplicationException(Kind.NOT_FOUND,
                JobQueueMessages.of("log.notFound", id)));
    }

    public List<JobQueueLogItem> logItems(Caller caller, long logEntryId) {
        return repository.items(logEntry(caller, logEntryId).getId());
    }

    /** The soonest next run of a Ready entry that runs the object; for pages that show when a job runs next. */
    public Optional<Instant> nextRunOf(ObjectType type, int objectId) {
        return repository.entriesRunning(type, objectId, JobQueueStatus.READY).stream()
                .flatMap(entry -> entry.nextRunAt().stream()).min(Instant::compareTo);
    }

    /** Whether an entry that runs the object is In Process now (its next run is computed when the run ends). */
    public boolean isInProcess(ObjectType type, int objectId) {
        return !repository.entriesRunning(type, objectId, JobQueueStatus.IN_PROCESS).isEmpty();
    }

    private JobQueueEntry changeable(Caller caller, long id, long readVersion) {
        JobQueueEntry entry = lockedEntry(caller, id);
        if (entry.getStatus() == JobQueueStatus.IN_PROCESS) {
            throw new ApplicationException(Kind.CONFLICT, JobQueueMessages.of("entry.refused.inProcess"));
        }
        if (entry.getVersion() != readVersion) {
            throw new ApplicationException(Kind.CONFLICT, JobQueueMessages.of("entry.refused.changedMeanwhile"));
        }
        return entry;
    }

    /**
     * The entry to change, read locked: the scheduler changes entries too (a run's split raises the version while
     * the run starts), and an unlocked read would make Set On Hold pressed at that moment fail at commit.
     */
    private JobQueueEntry lockedEntry(Caller caller, long id) {
        requireAdmin(caller);
        return found(repository.lockedEntry(id), id);
    }

    private static JobQueueEntry found(Optional<JobQueueEntry> entry, long id) {
        return entry.orElseThrow(() -> new ApplicationException(Kind.NOT_FOUND,
                JobQueueMessages.of("entry.notFound", id)));
    }

    /** Refuses settings that cannot run, field by field, with Business Central's captions in the messages. */
    private void check(JobQueueEntrySettings settings) {
        List<FieldProblem> problems = new ArrayList<>();
        if (settings.getDescription().length() > JobQueueEntry.DESCRIPTION_LENGTH) {
            problems.add(new FieldProblem("description", JobQueueMessages.of("entry.invalid.description",
                    JobQueueEntry.DESCRIPTION_LENGTH)));
        } else if (!PlainText.Validator.isPlain(settings.getDescription())) {
            problems.add(new FieldProblem("description", JobQueueMessages.of(PlainText.MESSAGE_KEY)));
        }
        Optional<JobQueueJob> job = Optional.ofNullable(settings.getObjectType())
                .flatMap(type -> registry.find(type, settings.getObjectId()));
        if (job.isEmpty()) {
            problems.add(new FieldProblem("objectId", JobQueueMessages.of("entry.invalid.object",
                    settings.getObjectId())));
        }
        if (settings.getParameterString().length() > JobQueueEntry.PARAMETER_LENGTH) {
            problems.add(new FieldProblem("parameterString", JobQueueMessages.of("entry.invalid.parameterLength",
                    JobQueueEntry.PARAMETER_LENGTH)));
        } else if (!PlainText.Validator.isPlain(settings.getParameterString())) {
            problems.add(new FieldProblem("parameterString", JobQueueMessages.of(PlainText.MESSAGE_KEY)));
        } else {
            job.flatMap(j -> j.parameterProblem(settings.getParameterString()))
                    .ifPresent(problem -> problems.add(new FieldProblem("parameterString", problem)));
        }
        problems.addAll(settings.recurrence(config.zone()).problems());
        if (settings.getMaxAttempts() < 1) {
            problems.add(new FieldProblem("maxAttempts", JobQueueMessages.of("entry.invalid.maxAttempts")));
        }
        if (settings.getRerunDelaySeconds() < 0) {
            problems.add(new FieldProblem("rerunDelaySeconds", JobQueueMessages.of("entry.invalid.rerunDelay")));
        }
        if (!problems.isEmpty()) {
            throw new ApplicationException(Kind.INVALID, JobQueueMessages.of("entry.invalid"), problems);
        }
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ApplicationException(Kind.FORBIDDEN, JobQueueMessages.of("entry.refused.notAdmin"));
        }
    }
}
