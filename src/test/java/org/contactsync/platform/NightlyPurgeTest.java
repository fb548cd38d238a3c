package org.contactsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.Schedule;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's nightly purges: once a night, once per cluster, every {@link Purgeable} deletes what is older than its
 * retention, and one failing leaves the others to run.
 */
class NightlyPurgeTest {

    private static final Instant NOW = Instant.parse("2026-12-04T03:17:00Z");

    @Test
    void theTimerFiresOnceEveryNightOnOneServerOfTheCluster() throws NoSuchMethodException {
        Schedule schedule = NightlyPurge.class.getDeclaredMethod("purgeOldRows").getAnnotation(Schedule.class);

        assertTrue(schedule != null, "purgeOldRows runs on a schedule");
        assertTrue(schedule.hour().matches("[0-5]"), "at one hour of the night: " + schedule.hour());
        assertTrue(schedule.minute().matches("\\d{1,2}"), "at one minute of it: " + schedule.minute());
        assertEquals("0", schedule.second(), "at one second of it");
        assertEquals(List.of("*", "*", "*", "*"), List.of(schedule.dayOfMonth(), schedule.month(),
                schedule.dayOfWeek(), schedule.year()), "every day");
        assertTrue(schedule.persistent(), "a persistent timer fires once per cluster, not once per server");
    }

    @Test
    void everyPurgeableDeletesWhatIsOlderThanItsRetentionAndOneFailingLeavesTheOthersToRun() {
        var syncRuns = new RecordingPurge("sync runs", Duration.ofDays(90));
        var failing = new RecordingPurge("broken rows", Duration.ofDays(1)) {
            @Override
            public int purgeBefore(Instant before) {
                super.purgeBefore(before);
                throw new IllegalStateException("the database said no");
            }
        };
        var jobQueueLog = new RecordingPurge("job queue log entries", Duration.ofDays(30));
        var purge = new NightlyPurge();
        purge.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        purge.purgeables = new Purgeables(List.of(syncRuns, failing, jobQueueLog));

        purge.purgeOldRows();

        assertEquals(List.of(Instant.parse("2026-09-05T03:17:00Z")), syncRuns.cutOffs);
        assertEquals(List.of(Instant.parse("2026-12-03T03:17:00Z")), failing.cutOffs);
        assertEquals(List.of(Instant.parse("2026-11-04T03:17:00Z")), jobQueueLog.cutOffs, "after the failing one");
    }

    private static class RecordingPurge implements Purgeable {
        private final String what;
        private final Duration retention;
        final List<Instant> cutOffs = new ArrayList<>();

        RecordingPurge(String what, Duration retention) {
            this.what = what;
            this.retention = retention;
        }

        @Override
        public String purgedWhat() {
            return what;
        }

        @Override
        public Duration retention() {
            return retention;
        }

        @Override
        public int purgeBefore(Instant before) {
            cutOffs.add(before);
            return 1;
        }
    }

    /** The beans CDI would hand {@link NightlyPurge}, in order; only iteration is what it uses. */
    private record Purgeables(List<Purgeable> beans) implements Instance<Purgeable> {

        @Override
        public Iterator<Purgeable> iterator() {
            return beans.iterator();
        }

        @Override
        public Purgeable get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instance<Purgeable> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Purgeable> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Purgeable> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isUnsatisfied() {
            return beans.isEmpty();
        }

        @Override
        public boolean isAmbiguous() {
            return beans.size() > 1;
        }

        @Override
        public void destroy(Purgeable instance) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Handle<Purgeable> getHandle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<Purgeable>> handles() {
            throw new UnsupportedOperationException();
        }
    }
}
