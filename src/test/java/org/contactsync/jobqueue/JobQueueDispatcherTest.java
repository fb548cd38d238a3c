package org.contactsync.jobqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.contactsync.jobqueue.JobQueueJob.JobContext;
import org.contactsync.jobqueue.JobQueueRepository.Candidate;
import org.contactsync.jobqueue.JobQueueRepository.ClaimedPart;
import org.contactsync.jobqueue.JobQueueRepository.PartCandidate;
import org.contactsync.jobqueue.JobResult.Item;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one server takes of a run's parts: never more at a time than the job's parts per server, the next one as
 * soon as one of its parts ends (not at the next beat), and nothing once the application is stopping.
 */
class JobQueueDispatcherTest {

    private static final int PARTS_PER_SERVER = 2;

    /** Five waiting parts of one run, each claimable by this server until it has claimed it. */
    private final List<PartCandidate> waiting = new ArrayList<>();
    private final List<String> ended = new ArrayList<>();
    /** What this server handed to the executor and has not run yet. */
    private final List<Runnable> started = new ArrayList<>();
    private final JobQueueDispatcher dispatcher = new JobQueueDispatcher();

    @BeforeEach
    void oneRunOfFiveParts() {
        for (long id = 1; id <= 5; id++) {
            waiting.add(new PartCandidate(id, 0, ObjectType.CODEUNIT, 6700));
        }
        dispatcher.store = new JobQueueStore() {
            @Override
            public List<Candidate> claimable() {
                return List.of();
            }

            @Override
            public int renewLeases(Collection<Long> entryIds, String server) {
                return entryIds.size();
            }

            @Override
            public int renewPartLeases(Collection<Long> partIds, String server) {
                return partIds.size();
            }

            @Override
            public List<PartCandidate> claimableParts() {
                return List.copyOf(waiting);
            }

            @Override
            public Optional<ClaimedPart> claimPart(PartCandidate candidate, String server) {
                waiting.remove(candidate);
                return Optional.of(new ClaimedPart(candidate.partId(), 7, 1, ObjectType.CODEUNIT, 6700, "",
                        "admin", "employee-" + candidate.partId()));
            }

            @Override
            public void endPart(ClaimedPart part, String server, Item item) {
                ended.add(item.subject());
            }
        };
        dispatcher.runner = new JobRunner() {
            @Override
            public int partsPerServer(ObjectType type, int objectId) {
                return PARTS_PER_SERVER;
            }

            @Override
            public Item runPart(ObjectType type, int objectId, JobContext context, String subject) {
                return new Item(subject, "SUCCEEDED", Optional.empty(), 0, 0, 0, "");
            }
        };
        dispatcher.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    started.add((Runnable) args[0]);
                    return null;
                });
    }

    @Test
    void aServerRunsAtMostItsPartsPerServerAndTakesTheNextWhenOneEnds() {
        dispatcher.beat();
        assertEquals(PARTS_PER_SERVER, started.size(), "two at a time");
        dispatcher.beat();
        assertEquals(PARTS_PER_SERVER, started.size(), "a beat while both run takes no third");
        assertEquals(3, waiting.size(), "the others wait for this server or another");

        started.remove(0).run();
        assertEquals(List.of("employee-1"), ended);
        assertEquals(PARTS_PER_SERVER, started.size(), "the ended part's place is taken at once, not at the next beat");
        assertEquals(2, waiting.size());
    }

    @Test
    void aStoppingServerClaimsNoMoreParts() {
        dispatcher.beat();
        dispatcher.stop();

        started.remove(0).run();
        dispatcher.beat();

        assertEquals(List.of("employee-1"), ended, "a part it runs still ends");
        assertEquals(1, started.size(), "no new part after the stop");
        assertEquals(3, waiting.size(), "left for the servers that go on");
    }
}
