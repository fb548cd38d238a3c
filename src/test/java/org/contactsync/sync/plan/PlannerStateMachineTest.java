package org.contactsync.sync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.graph.OutlookContact;
import org.contactsync.sync.plan.SyncAction.Skip;
import org.contactsync.sync.plan.SyncAction.Unlink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random edits on both sides (create, edit, change e-mail, delete, copy, leave the filter, privacy, type), random
 * incremental and full runs that crash part-way or, on a throttling mailbox, are postponed with some writes refused
 * (see {@link FakeExecutor}), then a full sync run completely. Every seed runs twice: on a mailbox that never
 * throttles (the histories the regression seeds were recorded with) and on one that does.
 * Afterwards: every in-scope BC contact is in Outlook exactly once with equal fields; no Outlook contact without a BC
 * counterpart remains unless the employee made it and the sync logged why it stays (or the employee chose to keep
 * contacts that leave the sync); no import duplicates a BC e-mail; BC's value won where both sides changed a field
 * and an Outlook-only edit reached BC; and a second full sync, or an incremental one, has nothing left to do.
 * "Equal fields" is judged by {@link #sameAsBusinessCentralHoldsIt}, the documented rules written out here, not by
 * the product's own comparison ({@link SyncedField#same}), which the planner itself relies on.
 *
 * <p>Each build explores new histories: the trials start from a new seed, printed, unless one is given with
 * {@code -Dplanner.seed=<n>}. A failure names its trial's seed; replay it with {@code -Dplanner.seed=<n>} and keep
 * it in {@link #REGRESSIONS}, which every build runs.
 */
class PlannerStateMachineTest {

    private static final int TRIALS = 400;
    private static final int STEPS = 30;
    /** The first trial's seed: {@code -Dplanner.seed=<n>} to replay a build's histories, else a new one. */
    private static final long BASE_SEED = Long.getLong("planner.seed", new SecureRandom().nextLong());
    /** Histories that once broke a rule, kept as regression checks. */
    private static final List<Long> REGRESSIONS = List.of(
            8700053693192885046L); // a kept tombstone whose Outlook contact was deleted kept its BC contact claimed

    private static final String[] FIRST_NAMES = { "Anna", "Bo", "Cecilia", "Dan", "Eva" };
    private static final String[] SURNAMES = { "Berg", "Ek", "Lind", "Holm" };
    private static final String LONG_TITLE = "Head of International Business Development and Partnerships";
    private static final Map<SyncedField, String[]> EDITABLE = Map.of(
            SyncedField.JOB_TITLE, new String[] { "", "CEO", "CTO", "Sales", LONG_TITLE },
            SyncedField.CITY, new String[] { "", "Malmö", "Lund", " Lund ", "Ystad" },
            SyncedField.MOBILE_PHONE_NO, new String[] { "", "070-111 22 33", "+46 70 111 22 33" },
            SyncedField.COMPANY_NAME, new String[] { "", "Ek & Son AB", "Lind Consulting" },
            SyncedField.ADDRESS, new String[] { "", "Storgatan 1", "Box 12" },
            SyncedField.ADDRESS_2, new String[] { "", "Lgh 1102", "c/o Berg" },
            SyncedField.COUNTRY_REGION_CODE, new String[] { "", "SE", "se", "DK" },
            SyncedField.FAX_NO, new String[] { "", "040-12 34 56" },
            SyncedField.E_MAIL_2, new String[] { "", "home@example.org", "HOME@example.org" });
    private static final List<SyncedField> EDITABLE_FIELDS = EDITABLE.keySet().stream().sorted().toList();

    @BeforeAll
    static void printTheSeed() {
        System.out.println("PlannerStateMachineTest: trials from seed " + BASE_SEED + " (replay: -Dplanner.seed="
                + BASE_SEED + ")");
    }

    @Test
    void theHistoriesThatOnceBrokeARuleStillHoldOnBothMailboxes() {
        for (long seed : REGRESSIONS) {
            new Trial(seed, false).run();
            new Trial(seed, true).run();
        }
    }

    @Test
    void bothSidesAgreeWithTheRulesAfterRandomEditsCrashesAndAFullSync() {
        for (int i = 0; i < TRIALS; i++) {
            new Trial(BASE_SEED + i, false).run();
        }
    }

    @Test
    void bothSidesAgreeWithTheRulesAfterRandomEditsCrashesThrottlingAndAFullSync() {
        for (int i = 0; i < TRIALS; i++) {
            new Trial(BASE_SEED + i, true).run();
        }
    }

    /** Fields compared ignoring case: e-mail addresses and BC's Code fields (README, "What syncs"). */
    private static final Set<SyncedField> IGNORING_CASE = EnumSet.of(SyncedField.E_MAIL, SyncedField.E_MAIL_2,
            SyncedField.POST_CODE, SyncedField.COUNTRY_REGION_CODE);
    /** Text fields: an Outlook value longer than BC's field is cut to it; other kinds are not copied when too long. */
    private static final Set<SyncedField> CUT_WHEN_TOO_LONG = EnumSet.of(SyncedField.FIRST_NAME,
            SyncedField.MIDDLE_NAME, SyncedField.SURNAME, SyncedField.NAME, SyncedField.COMPANY_NAME,
            SyncedField.JOB_TITLE, SyncedField.ADDRESS, SyncedField.ADDRESS_2, SyncedField.CITY, SyncedField.COUNTY);

    /**
     * The oracle for "equal fields": whether BC's value equals the Outlook value as BC can hold it. Leading and
     * trailing white space never counts, a missing value is empty, e-mails and codes are compared ignoring case,
     * phone numbers and URLs exactly; an Outlook text longer than BC's field is held cut to its length, any other
     * value too long for BC is not held at all.
     */
    static boolean sameAsBusinessCentralHoldsIt(SyncedField field, String bcValue, String outlookValue) {
        String bc = bcValue == null ? "" : bcValue.strip();
        String outlook = outlookValue == null ? "" : outlookValue.strip();
        if (outlook.length() > field.bcLength()) {
            outlook = CUT_WHEN_TOO_LONG.contains(field) ? outlook.substring(0, field.bcLength()).strip() : "";
        }
        return IGNORING_CASE.contains(field) ? bc.equalsIgnoreCase(outlook) : bc.equals(outlook);
    }

    /** One random history: its own fakes, link table and policy. */
    private static final class Trial {
        private final long seed;
        private final Random random;
        private final FakeBusinessCentral bc = new FakeBusinessCentral();
        private final FakeOutlookFolder outlook = new FakeOutlookFolder();
        private final FakeExecutor executor = new FakeExecutor(bc, outlook);
        private final SyncPolicy policy;
        /** Decides throttling, apart from {@link #random} so that the edits and crashes of a seed stay the same. */
        private final Optional<Random> throttling;
        private final List<String> history = new ArrayList<>();
        private int deltaPosition;
        private Plan lastPlan;

        Trial(long seed, boolean throttlingMailbox) {
            this.seed = seed;
            this.random = new Random(seed);
            this.throttling = throttlingMailbox ? Optional.of(new Random(~seed)) : Optional.empty();
            this.policy = random.nextInt(5) == 0 ? SyncPolicy.DEFAULT.keepingInOutlook() : SyncPolicy.DEFAULT;
        }

        void run() {
            try {
                runSteps();
                Expectations expectations = editBothSidesBeforeTheFinalSync();
                Plan finalPlan = syncCompletely(SyncMode.FULL);
                assertInvariants(finalPlan, expectations);
                assertNothingLeftToDo();
            } catch (AssertionError | RuntimeException failure) {
                fail("Trial with seed " + seed + "L failed (replay with -Dplanner.seed=" + seed + ", then keep it in"
                        + " REGRESSIONS; policy " + policy + (throttling.isPresent()
                        ? ", throttling mailbox" : "") + ") after:\n  "
                        + String.join("\n  ", history) + "\nLast plan run:\n  " + describe(lastPlan) + "\n" + failure,
                        failure);
            }
        }

        private static String describe(Plan plan) {
            return plan == null ? "none"
                    : plan.actions().stream().map(Object::toString).collect(Collectors.joining("\n  "));
        }

        private void runSteps() {
            for (int i = 0; i < 3 + random.nextInt(6); i++) {
                createInBc();
            }
            for (int step = 0; step < STEPS; step++) {
                int roll = random.nextInt(100);
                if (roll < 35) {
                    editBc();
                } else if (roll < 70) {
                    editOutlook();
                } else {
                    syncMaybeCrashing(random.nextInt(5) < 3 ? SyncMode.INCREMENTAL : SyncMode.FULL);
                }
            }
        }

        // ---- edits in Business Central ----

        private void editBc() {
            List<BcContact> all = bc.all();
            int roll = random.nextInt(100);
            if (all.isEmpty() || roll < 20) {
                createInBc();
                return;
            }
            BcContact contact = all.get(random.nextInt(all.size()));
            if (roll < 55) {
                SyncedField field = pick(EDITABLE_FIELDS);
                bc.update(contact.no(), values(field, fitting(field, pick(EDITABLE.get(field)))));
                history.add("BC edit " + contact.no() + " " + field);
            } else if (roll < 70) {
                bc.update(contact.no(), values(SyncedField.E_MAIL, randomEmail()));
                history.add("BC e-mail change " + contact.no());
            } else if (roll < 80) {
                bc.delete(contact.no());
                history.add("BC delete " + contact.no());
            } else if (roll < 90) {
                bc.replace(new BcContact(contact.no(), contact.person(), contact.privacyBlocked(),
                        !contact.inFilter(), contact.values()));
                history.add("BC filter " + (contact.inFilter() ? "leave " : "enter ") + contact.no());
            } else if (roll < 95) {
                bc.replace(new BcContact(contact.no(), contact.person(), !contact.privacyBlocked(),
                        contact.inFilter(), contact.values()));
                history.add("BC privacy toggle " + contact.no());
            } else {
                bc.replace(new BcContact(contact.no(), !contact.person(), contact.privacyBlocked(),
                        contact.inFilter(), contact.values()));
                history.add("BC type toggle " + contact.no());
            }
        }

        private void createInBc() {
            int roll = random.nextInt(100);
            FieldValues values = randomPerson(roll < 8 ? "" : randomEmail());
            for (SyncedField field : values.fields()) {
                values = values.with(field, fitting(field, values.get(field)));
            }
            boolean person = roll >= 5;
            boolean privacyBlocked = roll >= 95;
            String no = bc.insert(person, privacyBlocked, random.nextInt(100) < 85, values);
            history.add("BC create " + no + " " + values.get(SyncedField.E_MAIL));
        }

        // ---- edits in Outlook by the employee ----

        private void editOutlook() {
            List<OutlookContact> all = outlook.all();
            int roll = random.nextInt(100);
            if (all.isEmpty() || roll < 20) {
                createInOutlook();
                return;
            }
            OutlookContact contact = all.get(random.nextInt(all.size()));
            if (roll < 55) {
                SyncedField field = pick(EDITABLE_FIELDS);
                outlook.update(contact.graphId(), values(field, pick(EDITABLE.get(field))));
                history.add("Outlook edit " + contact.graphId() + " " + field);
            } else if (roll < 68) {
                outlook.update(contact.graphId(), values(SyncedField.E_MAIL, random.nextInt(8) == 0 ? ""
                        : randomEmail()));
                history.add("Outlook e-mail change " + contact.graphId());
            } else if (roll < 74) {
                String first = pick(FIRST_NAMES);
                outlook.update(contact.graphId(), values(SyncedField.FIRST_NAME, first, SyncedField.NAME,
                        first + " " + contact.values().get(SyncedField.SURNAME)));
                history.add("Outlook rename " + contact.graphId());
            } else if (roll < 92) {
                outlook.delete(contact.graphId());
                history.add("Outlook delete " + contact.graphId());
            } else {
                String id = outlook.create(contact.values(), contact.stamp(), false);
                history.add("Outlook copy " + contact.graphId() + " → " + id);
            }
        }

        private void createInOutlook() {
            int roll = random.nextInt(100);
            FieldValues values = randomPerson(roll < 12 ? "" : randomEmail());
            if (roll >= 12 && roll < 16) {
                values = values.with(SyncedField.NAME, "").with(SyncedField.FIRST_NAME, "")
                        .with(SyncedField.SURNAME, "");
            } else if (roll >= 16 && roll < 30) {
                values = values.with(SyncedField.NAME, "");
            }
            String id = outlook.create(values, Optional.empty(), false);
            history.add("Outlook create " + id + " " + values.get(SyncedField.E_MAIL));
        }

        // ---- runs ----

        private SyncSnapshot snapshot(SyncMode mode, SyncPolicy runPolicy) {
            OutlookSide side = mode == SyncMode.FULL ? OutlookSide.completeListing(outlook.all())
                    : outlook.deltaSince(deltaPosition);
            return new SyncSnapshot(mode, runPolicy, bc.all(), side, List.copyOf(executor.links().values()));
        }

        private void syncMaybeCrashing(SyncMode mode) {
            SyncPolicy runPolicy = random.nextBoolean() ? policy.confirmingMassDelete() : policy;
            int position = outlook.deltaPosition();
            Plan plan = Planner.plan(snapshot(mode, runPolicy));
            lastPlan = plan;
            if (plan.blocked()) {
                history.add(mode + " blocked by the mass-delete guard: " + plan.massDelete());
                return;
            }
            int size = plan.actions().size();
            if (size > 0 && random.nextInt(10) < 3) {
                int reached = random.nextInt(size);
                int committed = random.nextBoolean() ? reached : random.nextInt(reached + 1);
                executor.run(plan, reached, committed);
                history.add(mode + " crashed: Outlook writes of " + reached + " of " + size
                        + " actions, database kept " + committed);
            } else if (throttling.isPresent() && throttling.get().nextInt(10) < 3 && postponed(mode, plan)) {
                return;
            } else {
                executor.runAll(plan);
                deltaPosition = position;
                history.add(mode + ": " + plan.summary().describe());
            }
        }

        /**
         * The mailbox throttles one chunk of the run: around one of the plan's Outlook writes, a chunk of up to 80
         * actions (the engine sends up to 80 writes at once: four sequential batches of 20) in which that write and
         * about half of the chunk's other writes are refused; the run stops after the chunk and keeps what it did
         * (its deltaLink is not stored). False when the plan writes nothing to Outlook, so nothing could be
         * throttled. Any subset of the chunk's writes may be refused: more than the engine can produce under either
         * of the sandbox's parallel-dispatch settings (its sequential batches leave, in each batch, the throttled
         * item and the 424s behind it undone; a parallel batch would leave any of its items undone).
         */
        private boolean postponed(SyncMode mode, Plan plan) {
            Random throttle = throttling.orElseThrow();
            List<SyncAction> actions = plan.actions();
            List<Integer> writes = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                if (FakeExecutor.writesToOutlook(actions.get(i))) {
                    writes.add(i);
                }
            }
            if (writes.isEmpty()) {
                return false;
            }
            int throttled = writes.get(throttle.nextInt(writes.size()));
            int start = Math.max(0, throttled - throttle.nextInt(80));
            int end = Math.min(actions.size(), throttled + 1 + throttle.nextInt(80));
            Set<Integer> refused = new HashSet<>();
            refused.add(throttled);
            writes.stream().filter(i -> i >= start && i < end && throttle.nextBoolean()).forEach(refused::add);
            executor.runPostponed(plan, end, refused);
            history.add(mode + " postponed: " + refused.size() + " Outlook writes refused in actions " + start + ".."
                    + (end - 1) + " of " + actions.size() + ", the rest waits");
            return true;
        }

        private Plan syncCompletely(SyncMode mode) {
            int position = outlook.deltaPosition();
            Plan plan = Planner.plan(snapshot(mode, policy.confirmingMassDelete()));
            lastPlan = plan;
            executor.runAll(plan);
            deltaPosition = position;
            history.add(mode + " (complete): " + plan.summary().describe());
            return plan;
        }

        // ---- what the final sync must honour ----

        /** Deliberate edits before the final full sync, whose outcome the rules fix. */
        private record Expectations(Map<String, String> bcWins, Map<String, String> outlookOnly) {
        }

        private Expectations editBothSidesBeforeTheFinalSync() {
            Map<String, String> bcWins = new HashMap<>();
            Map<String, String> outlookOnly = new HashMap<>();
            int n = 0;
            for (SyncLink link : executor.links().values()) {
                if (!bc.exists(link.contactNo()) || !outlook.exists(link.graphId())
                        || !inScope(bc.require(link.contactNo()))) {
                    continue;
                }
                n++;
                if (n % 3 == 0) {
                    bc.update(link.contactNo(), values(SyncedField.JOB_TITLE, "BC wins " + n));
                    outlook.update(link.graphId(), values(SyncedField.JOB_TITLE, "Outlook loses " + n));
                    bcWins.put(link.contactNo(), "BC wins " + n);
                    history.add("both edit Job Title of " + link.contactNo());
                } else if (n % 3 == 1) {
                    outlook.update(link.graphId(), values(SyncedField.COUNTY, "County " + n));
                    outlookOnly.put(link.contactNo(), "County " + n);
                    history.add("Outlook edits County of " + link.contactNo());
                }
            }
            return new Expectations(bcWins, outlookOnly);
        }

        private boolean inScope(BcContact contact) {
            SyncLink link = executor.links().get(contact.no());
            boolean imported = link != null && link.importedFromOutlook();
            return contact.person() && !contact.name().isBlank() && !contact.email().isBlank()
                    && !contact.privacyBlocked() && (contact.inFilter() || imported);
        }

        private void assertInvariants(Plan finalPlan, Expectations expectations) {
            Map<String, SyncLink> links = executor.links();
            Set<String> linkedIds = new HashSet<>();
            for (SyncLink link : links.values()) {
                assertTrue(link.kept() || bc.exists(link.contactNo()), () -> "link to a missing BC contact " + link);
                assertTrue(outlook.exists(link.graphId()), () -> "link to a missing Outlook contact " + link);
                assertTrue(linkedIds.add(link.graphId()), () -> "two links to " + link.graphId());
            }
            for (BcContact contact : bc.all()) {
                if (inScope(contact)) {
                    assertSyncedOnce(contact, links.get(contact.no()));
                } else {
                    assertTrue(!links.containsKey(contact.no()) || links.get(contact.no()).kept(),
                            () -> "out-of-scope " + contact.no() + " linked");
                }
            }
            Set<String> skipped = finalPlan.actionsOf(Skip.class).stream()
                    .flatMap(skip -> skip.graphId().stream()).collect(Collectors.toSet());
            finalPlan.actionsOf(Unlink.class).forEach(unlink -> skipped.add(unlink.graphId()));
            links.values().stream().filter(SyncLink::kept).forEach(link -> assertTrue(
                    policy.keepInOutlookWhenUnsynced(), () -> "kept without the policy: " + link));
            for (OutlookContact contact : outlook.all()) {
                if (!linkedIds.contains(contact.graphId())) {
                    assertMayStayUnsynced(contact, skipped);
                }
            }
            expectations.bcWins().forEach((no, value) -> assertEquals(value,
                    bc.require(no).values().get(SyncedField.JOB_TITLE), "BC's value wins for " + no));
            expectations.outlookOnly().forEach((no, value) -> assertEquals(value,
                    bc.require(no).values().get(SyncedField.COUNTY), "Outlook's edit reaches BC for " + no));
        }

        private void assertSyncedOnce(BcContact contact, SyncLink link) {
            assertTrue(link != null && !link.kept(), () -> "in-scope " + contact.no() + " is not synced: " + link);
            OutlookContact synced = outlook.require(link.graphId());
            FieldValues outlookValues = synced.effectiveValues();
            for (SyncedField field : SyncedField.values()) {
                assertTrue(sameAsBusinessCentralHoldsIt(field, contact.values().get(field), outlookValues.get(field)),
                        () -> field + " of "
                        + contact.no() + ": BC '" + contact.values().get(field) + "' vs Outlook '"
                        + outlookValues.get(field) + "'");
            }
            long copies = outlook.all().stream()
                    .filter(other -> other.stamp().equals(Optional.of(contact.no()))
                            && !other.graphId().equals(link.graphId()))
                    .count();
            assertEquals(0, copies, () -> "stamped duplicates of " + contact.no());
        }

        /**
         * An Outlook contact without a BC counterpart may stay only when the employee created it and the sync
         * skipped it with a reason, or when the employee chose to keep contacts that left the sync.
         */
        private void assertMayStayUnsynced(OutlookContact contact, Set<String> skipped) {
            boolean keptByPolicy = policy.keepInOutlookWhenUnsynced() && contact.stamp().isPresent()
                    && (!bc.exists(contact.stamp().get()) || !bc.require(contact.stamp().get()).inFilter());
            boolean employeesOwn = !outlook.createdBySync(contact.graphId()) && contact.stamp().isEmpty();
            assertTrue(keptByPolicy || employeesOwn,
                    () -> "unsynced contact left in Outlook: " + contact);
            assertTrue(skipped.contains(contact.graphId()), () -> "unsynced contact without a logged reason: "
                    + contact);
        }

        private void assertNothingLeftToDo() {
            Plan again = Planner.plan(snapshot(SyncMode.FULL, policy));
            assertFalse(again.changesAnything(), () -> "second full sync is not idle: " + again.actions());
            Plan delta = Planner.plan(snapshot(SyncMode.INCREMENTAL, policy));
            assertFalse(delta.changesAnything(), () -> "incremental after a full sync is not idle: "
                    + delta.actions());
        }

        // ---- random values ----

        private FieldValues randomPerson(String email) {
            String first = pick(FIRST_NAMES);
            String surname = pick(SURNAMES);
            FieldValues values = values(SyncedField.FIRST_NAME, first, SyncedField.SURNAME, surname,
                    SyncedField.NAME, first + " " + surname, SyncedField.E_MAIL, email);
            for (SyncedField field : EDITABLE_FIELDS) {
                if (random.nextInt(3) == 0) {
                    values = values.with(field, pick(EDITABLE.get(field)));
                }
            }
            return values;
        }

        /** A value typed in Business Central fits its field (BC refuses longer ones). */
        private static String fitting(SyncedField field, String value) {
            return value.length() <= field.bcLength() ? value : value.substring(0, field.bcLength());
        }

        private String randomEmail() {
            String email = "person" + random.nextInt(12) + "@example.com";
            return random.nextInt(6) == 0 ? " " + email.toUpperCase() : email;
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }

        private static FieldValues values(Object... fieldsAndValues) {
            return Fixtures.values(fieldsAndValues);
        }
    }
}
