package org.contactsync.sync.plan;

import static org.contactsync.sync.plan.Fixtures.bc;
import static org.contactsync.sync.plan.Fixtures.complete;
import static org.contactsync.sync.plan.Fixtures.full;
import static org.contactsync.sync.plan.Fixtures.incremental;
import static org.contactsync.sync.plan.Fixtures.link;
import static org.contactsync.sync.plan.Fixtures.outlook;
import static org.contactsync.sync.plan.Fixtures.person;
import static org.contactsync.sync.plan.Fixtures.stamped;
import static org.contactsync.sync.plan.Fixtures.values;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.contactsync.contact.FieldValues;
import org.contactsync.contact.SyncedField;
import org.contactsync.graph.OutlookContact;
import org.contactsync.sync.plan.SyncAction.Conflict;
import org.contactsync.sync.plan.SyncAction.CreateInBc;
import org.contactsync.sync.plan.SyncAction.CreateInOutlook;
import org.contactsync.sync.plan.SyncAction.DeleteInOutlook;
import org.contactsync.sync.plan.SyncAction.Link;
import org.contactsync.sync.plan.SyncAction.Recreate;
import org.contactsync.sync.plan.SyncAction.RefreshLink;
import org.contactsync.sync.plan.SyncAction.Relink;
import org.contactsync.sync.plan.SyncAction.Skip;
import org.contactsync.sync.plan.SyncAction.Unlink;
import org.contactsync.sync.plan.SyncAction.UpdateInBc;
import org.contactsync.sync.plan.SyncAction.UpdateInOutlook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** One test per rule of issue 5's behaviour section, named as the rule. */
class PlannerTest {

    private static final FieldValues ANNA = person("Anna", "Berg", "anna@example.com");
    private static final FieldValues BO = person("Bo", "Ek", "bo@example.com");

    private static <T extends SyncAction> T only(Plan plan, Class<T> type) {
        List<T> found = plan.actionsOf(type);
        assertEquals(1, found.size(), () -> "expected one " + type.getSimpleName() + " in " + plan.actions());
        return found.get(0);
    }

    private static void assertNoChanges(Plan plan) {
        assertFalse(plan.changesAnything(), () -> "expected no changes, got " + plan.actions());
    }

    @Nested
    class Scope {

        @Test
        void inScopePersonNotYetInOutlookIsCreatedThereWithItsStamp() {
            Plan plan = full().bc(bc("C1", ANNA)).plan();

            CreateInOutlook create = only(plan, CreateInOutlook.class);
            assertEquals("C1", create.stamp());
            assertEquals("anna@example.com", create.values().get(SyncedField.E_MAIL));
            assertEquals(SyncedField.values().length, create.values().fields().size(), "every field is written");
            assertEquals(Reason.NEW_IN_BC, create.reason());
        }

        static Stream<Arguments> outOfScope() {
            return Stream.of(
                    Arguments.of(new BcContact("C1", false, false, true, ANNA), Reason.NOT_PERSON),
                    Arguments.of(bc("C1", ANNA.with(SyncedField.E_MAIL, " ")), Reason.NO_EMAIL),
                    Arguments.of(bc("C1", ANNA.with(SyncedField.NAME, "")), Reason.NO_NAME),
                    Arguments.of(new BcContact("C1", true, true, true, ANNA), Reason.PRIVACY_BLOCKED),
                    Arguments.of(new BcContact("C1", true, false, false, ANNA), Reason.OUTSIDE_FILTER));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("outOfScope")
        void contactOutOfScopeIsNotSentToOutlook(BcContact contact, Reason why) {
            Plan plan = full().bc(contact).plan();

            assertTrue(plan.actions().isEmpty(), () -> why + ": " + plan.actions());
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("outOfScope")
        void linkedContactLeavingScopeIsDeletedFromOutlook(BcContact contact, Reason why) {
            Plan plan = full().bc(contact).outlook(stamped("G1", "C1", ANNA)).links(link("C1", "G1", ANNA)).plan();

            DeleteInOutlook delete = only(plan, DeleteInOutlook.class);
            assertEquals("G1", delete.graphId());
            assertEquals(why, delete.reason());
            assertEquals(1, plan.actions().size(), () -> plan.actions().toString());
        }

        @Test
        void linkedContactDeletedInBcIsDeletedFromOutlook() {
            Plan plan = full().outlook(stamped("G1", "C1", ANNA)).links(link("C1", "G1", ANNA)).plan();

            DeleteInOutlook delete = only(plan, DeleteInOutlook.class);
            assertEquals(Optional.of("C1"), delete.contactNo());
            assertEquals(Reason.DELETED_IN_BC, delete.reason());
        }

        @Test
        void keepInOutlookPolicyOnlyUnlinksAContactThatLeftTheFilterOrWasDeleted() {
            Plan plan = full().policy(SyncPolicy.DEFAULT.keepingInOutlook())
                    .bc(new BcContact("C1", true, false, false, ANNA))
                    .outlook(stamped("G1", "C1", ANNA), stamped("G2", "C2", BO))
                    .links(link("C1", "G1", ANNA), link("C2", "G2", BO)).plan();

            assertEquals(List.of(new Unlink("C1", "G1", Reason.KEPT_IN_OUTLOOK, true),
                    new Unlink("C2", "G2", Reason.KEPT_IN_OUTLOOK, true)), plan.actions());
        }

        @Test
        void keepInOutlookPolicyDoesNotKeepAPrivacyBlockedContact() {
            Plan plan = full().policy(SyncPolicy.DEFAULT.keepingInOutlook())
                    .bc(new BcContact("C1", true, true, true, ANNA))
                    .outlook(stamped("G1", "C1", ANNA)).links(link("C1", "G1", ANNA)).plan();

            assertEquals(Reason.PRIVACY_BLOCKED, only(plan, DeleteInOutlook.class).reason());
        }

        @Test
        void keptContactIsLeftAloneByLaterRunsAndSyncsAgainWhenItReturnsToTheFilter() {
            SyncPolicy keep = SyncPolicy.DEFAULT.keepingInOutlook();
            Plan whileOutside = full().policy(keep).bc(new BcContact("C1", true, false, false, ANNA))
                    .outlook(stamped("G1", "C1", ANNA)).plan();
            Plan backInFilter = full().policy(keep).bc(bc("C1", ANNA)).outlook(stamped("G1", "C1", ANNA)).plan();

            assertNoChanges(whileOutside);
            assertEquals(Reason.KEPT_IN_OUTLOOK, only(whileOutside, Skip.class).reason());
            assertEquals(Reason.MATCHED_BY_STAMP, only(backInFilter, Link.class).reason());
        }

        @Test
        void keptContactImportedFromOutlookAndDeletedInBcIsNeverImportedAgain() {
            SyncLink tombstone = new SyncLink("C1", "G1", "ck-G1", complete(ANNA), true, true);
            Plan plan = full().policy(SyncPolicy.DEFAULT.keepingInOutlook()).outlook(outlook("G1", ANNA))
                    .links(tombstone).plan();

            assertTrue(plan.actions().isEmpty(), () -> plan.actions().toString());
        }

        @Test
        void keptContactBackInTheFilterSyncsAgainAndItsTombstoneGoesWhenOutlookDeletesIt() {
            SyncLink tombstone = new SyncLink("C1", "G1", "ck-G1", complete(ANNA), false, true);
            Plan back = full().bc(bc("C1", ANNA.with(SyncedField.CITY, "Lund"))).outlook(stamped("G1", "C1", ANNA))
                    .links(tombstone).plan();
            Plan deleted = full().links(tombstone).plan();

            assertEquals(Reason.BACK_IN_SCOPE, only(back, Link.class).reason());
            assertEquals(values(SyncedField.CITY, "Lund"), only(back, UpdateInOutlook.class).changes());
            assertEquals(List.of(new Unlink("C1", "G1", Reason.DELETED_IN_OUTLOOK, false)), deleted.actions());
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("outlookOutOfScope")
        void outlookContactWithoutNameOrEmailIsSkippedWithTheReasonAndNamedForTheLog(FieldValues values, Reason why,
                String namedInTheLog) {
            Plan plan = full().outlook(outlook("G1", values)).plan();

            Skip skip = only(plan, Skip.class);
            assertEquals(why, skip.reason());
            assertEquals(Optional.of("G1"), skip.graphId());
            assertEquals(Optional.of(namedInTheLog), skip.outlookContact(), "the log names what Outlook has");
            assertEquals(1, plan.actions().size());
        }

        static Stream<Arguments> outlookOutOfScope() {
            return Stream.of(Arguments.of(values(SyncedField.NAME, "Anna Berg"), Reason.NO_EMAIL, "Anna Berg"),
                    Arguments.of(values(SyncedField.E_MAIL, "anna@example.com"), Reason.NO_NAME,
                            "<anna@example.com>"));
        }

        @Test
        void outlookContactWithOnlyNamePartsHasANameMadeOfThem() {
            Plan plan = full().outlook(outlook("G1", values(SyncedField.FIRST_NAME, "Anna", SyncedField.SURNAME,
                    "Berg", SyncedField.E_MAIL, "anna@example.com"))).plan();

            assertEquals("Anna Berg", only(plan, CreateInBc.class).values().get(SyncedField.NAME));
        }

        @Test
        void contactImportedFromOutlookKeepsSyncingAlthoughOutsideTheFilter() {
            FieldValues changed = ANNA.with(SyncedField.JOB_TITLE, "CEO");
            SyncLink imported = new SyncLink("C1", "G1", "ck-G1", complete(ANNA), true);
            Plan plan = full().bc(new BcContact("C1", true, false, false, changed))
                    .outlook(stamped("G1", "C1", ANNA)).links(imported).plan();

            assertEquals(values(SyncedField.JOB_TITLE, "CEO"), only(plan, UpdateInOutlook.class).changes());
        }
    }

    @Nested
    class Incremental {

        @Test
        void changeInBcGoesToOutlookWithTheChangedFieldOnly() {
            FieldValues changed = ANNA.with(SyncedField.JOB_TITLE, "CEO");
            Plan plan = incremental().bc(bc("C1", changed)).links(link("C1", "G1", ANNA)).plan();

            UpdateInOutlook update = only(plan, UpdateInOutlook.class);
            assertEquals(values(SyncedField.JOB_TITLE, "CEO"), update.changes());
            assertEquals("ck-G1", update.changeKey(), "If-Match uses the change key the link knows");
            assertEquals(1, plan.actions().size(), () -> plan.actions().toString());
        }

        @Test
        void linkedContactNotInTheDeltaIsTakenAsUnchanged() {
            assertTrue(incremental().bc(bc("C1", ANNA)).links(link("C1", "G1", ANNA)).plan().actions().isEmpty());
        }

        @Test
        void neverWritesToBcAndImportsNothing() {
            FieldValues editedInOutlook = ANNA.with(SyncedField.MOBILE_PHONE_NO, "+46 70 111");
            Plan plan = incremental().bc(bc("C1", ANNA))
                    .outlook(stamped("G1", "C1", editedInOutlook), outlook("G2", BO))
                    .links(link("C1", "G1", ANNA)).plan();

            assertTrue(plan.actionsOf(UpdateInBc.class).isEmpty());
            assertTrue(plan.actionsOf(CreateInBc.class).isEmpty());
            assertTrue(plan.actionsOf(UpdateInOutlook.class).isEmpty(), "Outlook's edit is not undone");
            assertEquals(List.of(Reason.WAITS_FOR_FULL_SYNC, Reason.WAITS_FOR_FULL_SYNC),
                    plan.actionsOf(Skip.class).stream().map(Skip::reason).toList());
        }

        @Test
        void outlookEditWaitingForFullSyncIsTakenByTheNextFullSync() {
            FieldValues editedInOutlook = ANNA.with(SyncedField.MOBILE_PHONE_NO, "+46 70 111");
            SyncLink afterIncremental = new SyncLink("C1", "G1", "ck-2", complete(ANNA), false);
            Plan plan = full().bc(bc("C1", ANNA))
                    .outlook(new OutlookContact("G1", "ck-2", Optional.of("C1"), editedInOutlook))
                    .links(afterIncremental).plan();

            assertEquals(values(SyncedField.MOBILE_PHONE_NO, "+46 70 111"), only(plan, UpdateInBc.class).changes());
        }

        @Test
        void linkedContactDeletedInOutlookIsRecreated() {
            Plan plan = incremental().bc(bc("C1", ANNA)).removed("G1").links(link("C1", "G1", ANNA)).plan();

            Recreate recreate = only(plan, Recreate.class);
            assertEquals("G1", recreate.deletedGraphId());
            assertEquals("C1", recreate.stamp());
            assertEquals(Reason.DELETED_IN_OUTLOOK, recreate.reason());
        }

        @Test
        void newInScopeBcContactIsCreatedInOutlook() {
            assertEquals("C2", only(incremental().bc(bc("C2", BO)).plan(), CreateInOutlook.class).contactNo());
        }

        @Test
        void bcContactLeavingTheFilterIsRemovedFromOutlook() {
            Plan plan = incremental().bc(new BcContact("C1", true, false, false, ANNA))
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals(Reason.OUTSIDE_FILTER, only(plan, DeleteInOutlook.class).reason());
        }
    }

    @Nested
    class Merging {

        @Test
        void changeOnlyInOutlookGoesToBcOnAFullSync() {
            FieldValues edited = ANNA.with(SyncedField.JOB_TITLE, "CTO");
            Plan plan = full().bc(bc("C1", ANNA)).outlook(stamped("G1", "C1", edited))
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals(values(SyncedField.JOB_TITLE, "CTO"), only(plan, UpdateInBc.class).changes());
            assertTrue(plan.actionsOf(UpdateInOutlook.class).isEmpty());
        }

        @Test
        void bothSidesChangedDifferentFieldsAndBothChangesFlow() {
            Plan plan = full().bc(bc("C1", ANNA.with(SyncedField.JOB_TITLE, "CEO")))
                    .outlook(stamped("G1", "C1", ANNA.with(SyncedField.MOBILE_PHONE_NO, "070-1")))
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals(values(SyncedField.MOBILE_PHONE_NO, "070-1"), only(plan, UpdateInBc.class).changes());
            assertEquals(values(SyncedField.JOB_TITLE, "CEO"), only(plan, UpdateInOutlook.class).changes());
            assertTrue(plan.actionsOf(Conflict.class).isEmpty());
        }

        @Test
        void bothSidesChangedTheSameFieldBcWinsAndTheConflictIsLogged() {
            Plan plan = full().bc(bc("C1", ANNA.with(SyncedField.JOB_TITLE, "CEO")))
                    .outlook(stamped("G1", "C1", ANNA.with(SyncedField.JOB_TITLE, "CTO")))
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals(new Conflict("C1", "G1", SyncedField.JOB_TITLE, "CEO", "CTO", Reason.CHANGED_ON_BOTH_SIDES),
                    only(plan, Conflict.class));
            assertEquals(values(SyncedField.JOB_TITLE, "CEO"), only(plan, UpdateInOutlook.class).changes());
            assertTrue(plan.actionsOf(UpdateInBc.class).isEmpty());
        }

        @Test
        void emailChangedInBcKeepsTheLinkAndUpdatesOutlook() {
            Plan plan = full().bc(bc("C1", ANNA.with(SyncedField.E_MAIL, "anna@new.example")))
                    .outlook(stamped("G1", "C1", ANNA)).links(link("C1", "G1", ANNA)).plan();

            UpdateInOutlook update = only(plan, UpdateInOutlook.class);
            assertEquals("G1", update.graphId());
            assertEquals(values(SyncedField.E_MAIL, "anna@new.example"), update.changes());
            assertTrue(plan.actionsOf(CreateInOutlook.class).isEmpty());
            assertTrue(plan.actionsOf(DeleteInOutlook.class).isEmpty());
        }

        @Test
        void emailChangedInOutlookKeepsTheLinkAndUpdatesBc() {
            Plan plan = full().bc(bc("C1", ANNA))
                    .outlook(stamped("G1", "C1", ANNA.with(SyncedField.E_MAIL, "anna@new.example")))
                    .links(link("C1", "G1", ANNA)).plan();

            UpdateInBc update = only(plan, UpdateInBc.class);
            assertEquals("C1", update.contactNo());
            assertEquals(values(SyncedField.E_MAIL, "anna@new.example"), update.changes());
            assertTrue(plan.actionsOf(CreateInBc.class).isEmpty());
        }

        @Test
        void valuesEqualAfterNormalisationPlanNothing() {
            FieldValues outlookSpelling = ANNA.with(SyncedField.E_MAIL, " Anna@Example.COM ")
                    .with(SyncedField.CITY, "Malmö  ").with(SyncedField.COUNTRY_REGION_CODE, "se");
            Plan plan = full().bc(bc("C1", ANNA.with(SyncedField.COUNTRY_REGION_CODE, "SE")))
                    .outlook(stamped("G1", "C1", outlookSpelling))
                    .links(link("C1", "G1", ANNA.with(SyncedField.COUNTRY_REGION_CODE, "SE"))).plan();

            assertTrue(plan.actions().isEmpty(), () -> plan.actions().toString());
        }

        @Test
        void phoneNumbersAreComparedAndWrittenExactlyAsTyped() {
            FieldValues withPhone = ANNA.with(SyncedField.PHONE_NO, "+46 40 123 45");
            Plan plan = full().bc(bc("C1", withPhone))
                    .outlook(stamped("G1", "C1", ANNA.with(SyncedField.PHONE_NO, "+4640 12345")))
                    .links(link("C1", "G1", withPhone)).plan();

            assertEquals(values(SyncedField.PHONE_NO, "+4640 12345"), only(plan, UpdateInBc.class).changes());
        }

        @Test
        void outlookClearingTheEmailOfASyncedContactIsRefusedAndBcValueWrittenBack() {
            Plan plan = full().bc(bc("C1", ANNA)).outlook(stamped("G1", "C1", ANNA.with(SyncedField.E_MAIL, "")))
                    .links(link("C1", "G1", ANNA)).plan();

            assertTrue(plan.actionsOf(UpdateInBc.class).isEmpty());
            assertEquals(values(SyncedField.E_MAIL, "anna@example.com"), only(plan, UpdateInOutlook.class).changes());
            assertEquals(Reason.CLEARED_IN_OUTLOOK, only(plan, Skip.class).reason());
        }

        @Test
        void clearingAnOrdinaryFieldInOutlookClearsItInBc() {
            Plan plan = full().bc(bc("C1", ANNA)).outlook(stamped("G1", "C1", ANNA.with(SyncedField.CITY, "")))
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals(values(SyncedField.CITY, ""), only(plan, UpdateInBc.class).changes());
        }

        @Test
        void patchCarriesTheWholeAddressAndTheDisplayNameWithANamePart() {
            FieldValues before = ANNA.with(SyncedField.ADDRESS, "Storgatan 1").with(SyncedField.POST_CODE, "211 20");
            FieldValues after = before.with(SyncedField.CITY, "Lund").with(SyncedField.FIRST_NAME, "Annie");
            Plan plan = full().bc(bc("C1", after)).outlook(stamped("G1", "C1", before))
                    .links(link("C1", "G1", before)).plan();

            UpdateInOutlook update = only(plan, UpdateInOutlook.class);
            assertEquals(values(SyncedField.FIRST_NAME, "Annie", SyncedField.CITY, "Lund"), update.changes());
            assertEquals("Storgatan 1", update.patch().get(SyncedField.ADDRESS));
            assertEquals("211 20", update.patch().get(SyncedField.POST_CODE));
            assertEquals("Anna Berg", update.patch().get(SyncedField.NAME), "displayName sent to keep it");
            assertEquals(Set.of(SyncedField.FIRST_NAME, SyncedField.NAME, SyncedField.ADDRESS, SyncedField.ADDRESS_2,
                    SyncedField.CITY, SyncedField.POST_CODE, SyncedField.COUNTY, SyncedField.COUNTRY_REGION_CODE),
                    update.patch().fields());
        }

        @Test
        void newChangeKeyWithUnchangedValuesOnlyRecordsTheVersion() {
            Plan plan = full().bc(bc("C1", ANNA))
                    .outlook(new OutlookContact("G1", "ck-new", Optional.of("C1"), ANNA))
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals(List.of(new RefreshLink("C1", "G1", "ck-new", FieldValues.empty(),
                    Reason.SYNCED_STATE_RECORDED)), plan.actions());
        }

        @Test
        void bothSidesChangedToTheSameValueRecordsItAsSynced() {
            FieldValues both = ANNA.with(SyncedField.JOB_TITLE, "CEO");
            Plan plan = full().bc(bc("C1", both)).outlook(stamped("G1", "C1", both))
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals(values(SyncedField.JOB_TITLE, "CEO"), only(plan, RefreshLink.class).agreed());
            assertEquals(1, plan.actions().size());
        }
    }

    @Nested
    class Matching {

        @Test
        void contactCreatedByACrashedRunIsFoundByItsStampAndLinkedNotCreatedTwice() {
            Plan plan = full().bc(bc("C1", ANNA)).outlook(stamped("G1", "C1", ANNA)).plan();

            Link link = only(plan, Link.class);
            assertEquals(new Link("C1", "G1", "ck-G1", complete(ANNA), Reason.MATCHED_BY_STAMP), link);
            assertEquals(1, plan.actions().size(), () -> plan.actions().toString());
        }

        @Test
        void stampedContactIsFoundInAnIncrementalDeltaToo() {
            Plan plan = incremental().bc(bc("C1", ANNA)).outlook(stamped("G1", "C1", ANNA)).plan();

            assertEquals(Reason.MATCHED_BY_STAMP, only(plan, Link.class).reason());
            assertTrue(plan.actionsOf(CreateInOutlook.class).isEmpty());
        }

        @Test
        void secondStampedCopyOfASyncedContactIsDeleted() {
            Plan plan = full().syncedPair("C1", "G1", ANNA).outlook(stamped("G2", "C1", ANNA)).plan();

            DeleteInOutlook delete = only(plan, DeleteInOutlook.class);
            assertEquals("G2", delete.graphId());
            assertEquals(Reason.DUPLICATE_CREATED_BY_SYNC, delete.reason());
        }

        @Test
        void linkedContactGoneButAStampedCopyPresentIsRelinkedNotRecreated() {
            Plan plan = full().bc(bc("C1", ANNA)).outlook(stamped("G2", "C1", ANNA))
                    .links(link("C1", "G1", ANNA)).plan();

            Relink relink = only(plan, Relink.class);
            assertEquals("G1", relink.previousGraphId());
            assertEquals("G2", relink.graphId());
            assertTrue(plan.actionsOf(Recreate.class).isEmpty());
        }

        @Test
        void linkedContactRemovedAndRecreatedByHandIsRelinkedByEmail() {
            Plan plan = full().bc(bc("C1", ANNA)).outlook(outlook("G9", ANNA)).links(link("C1", "G1", ANNA)).plan();

            assertEquals(Reason.MATCHED_BY_EMAIL, only(plan, Relink.class).reason());
            assertTrue(plan.actionsOf(Recreate.class).isEmpty());
        }

        @Test
        void unlinkedContactsWithTheSameEmailAreLinkedIgnoringCaseAndSpaces() {
            Plan plan = full().bc(bc("C1", ANNA))
                    .outlook(outlook("G1", ANNA.with(SyncedField.E_MAIL, " ANNA@example.com"))).plan();

            Link link = only(plan, Link.class);
            assertEquals("C1", link.contactNo());
            assertEquals(Reason.MATCHED_BY_EMAIL, link.reason());
            assertTrue(plan.actionsOf(CreateInBc.class).isEmpty());
            assertTrue(plan.actionsOf(CreateInOutlook.class).isEmpty());
        }

        @Test
        void whenFirstMatchedAnEmptySideTakesTheOtherValueAndDifferencesGoBcsWay() {
            FieldValues bcValues = ANNA.with(SyncedField.JOB_TITLE, "CEO").with(SyncedField.COUNTY, "Skåne");
            FieldValues outlookValues = ANNA.with(SyncedField.JOB_TITLE, "Boss")
                    .with(SyncedField.MOBILE_PHONE_NO, "070-1");
            Plan plan = full().bc(bc("C1", bcValues)).outlook(outlook("G1", outlookValues)).plan();

            assertEquals(values(SyncedField.MOBILE_PHONE_NO, "070-1"), only(plan, UpdateInBc.class).changes());
            assertEquals(values(SyncedField.JOB_TITLE, "CEO", SyncedField.COUNTY, "Skåne"),
                    only(plan, UpdateInOutlook.class).changes());
            assertEquals(Reason.DIFFERENT_WHEN_MATCHED, only(plan, Conflict.class).reason());
            assertFalse(only(plan, Link.class).agreed().fields().contains(SyncedField.JOB_TITLE),
                    "a field still to be written has no agreed value yet");
        }

        @Test
        void duplicateEmailsInOutlookLinkOneAndSkipTheOther() {
            Plan plan = full().bc(bc("C1", ANNA)).outlook(outlook("G2", ANNA), outlook("G1", ANNA)).plan();

            assertEquals("G1", only(plan, Link.class).graphId(), "the lowest Graph id is matched");
            Skip skip = only(plan, Skip.class);
            assertEquals(Optional.of("G2"), skip.graphId());
            assertEquals(Reason.DUPLICATE_EMAIL, skip.reason());
            assertTrue(plan.actionsOf(CreateInBc.class).isEmpty());
            assertTrue(plan.actionsOf(DeleteInOutlook.class).isEmpty(), "a contact we did not create is kept");
        }

        @Test
        void outlookContactWithTheEmailOfASyncedContactIsSkipped() {
            Plan plan = full().syncedPair("C1", "G1", ANNA).outlook(outlook("G2", ANNA)).plan();

            assertEquals(new Skip(Optional.empty(), Optional.of("G2"), Reason.DUPLICATE_EMAIL, "Contact C1",
                    Optional.of("Anna Berg <anna@example.com>")), only(plan, Skip.class));
            assertNoChanges(plan);
        }

        @Test
        void anEmailChangedInOutlookInThisRunFreesTheOldAddressForAnotherOutlookContact() {
            FieldValues moved = ANNA.with(SyncedField.E_MAIL, "anna@new.example");
            Plan plan = full().bc(bc("C1", ANNA)).outlook(stamped("G1", "C1", moved), outlook("G2", ANNA))
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals(values(SyncedField.E_MAIL, "anna@new.example"), only(plan, UpdateInBc.class).changes());
            assertEquals("G2", only(plan, CreateInBc.class).graphId(), "no BC contact has Anna's old address now");
        }

        @Test
        void duplicateEmailsInBcEachGetTheirOwnOutlookContact() {
            Plan plan = full().bc(bc("C2", ANNA), bc("C1", ANNA)).outlook(outlook("G1", ANNA)).plan();

            assertEquals("C1", only(plan, Link.class).contactNo(), "the lowest No. is matched");
            assertEquals("C2", only(plan, CreateInOutlook.class).contactNo());
        }

        @Test
        void twoNewOutlookContactsWithOneEmailImportOnlyOne() {
            Plan plan = full().outlook(outlook("G1", ANNA), outlook("G2", ANNA)).plan();

            assertEquals("G1", only(plan, CreateInBc.class).graphId());
            assertEquals(Reason.DUPLICATE_EMAIL, only(plan, Skip.class).reason());
        }

        @Test
        void outlookContactWithTheEmailOfABcContactOutsideTheSyncIsSkipped() {
            Plan plan = full().bc(new BcContact("C7", true, true, true, ANNA)).outlook(outlook("G1", ANNA)).plan();

            Skip skip = only(plan, Skip.class);
            assertEquals(Reason.EMAIL_OF_CONTACT_OUT_OF_SCOPE, skip.reason());
            assertEquals("Contact C7", skip.detail());
            assertNoChanges(plan);
        }

        @Test
        void aLinkWinsOverAStampAndAnEmail() {
            Plan plan = full().bc(bc("C1", ANNA), bc("C2", BO))
                    .outlook(stamped("G1", "C2", BO.with(SyncedField.E_MAIL, "anna@example.com")))
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals("C1", only(plan, UpdateInBc.class).contactNo());
            assertEquals("C2", only(plan, CreateInOutlook.class).contactNo());
        }
    }

    @Nested
    class ImportAndDeletes {

        @Test
        void newOutlookContactIsCreatedInBcAsAPersonWithItsCompanyName() {
            FieldValues values = BO.with(SyncedField.COMPANY_NAME, "Ek & Son AB");
            CreateInBc create = only(full().outlook(outlook("G1", values)).plan(), CreateInBc.class);

            assertEquals("Ek & Son AB", create.companyName());
            assertEquals("bo@example.com", create.values().get(SyncedField.E_MAIL));
            assertEquals(Reason.NEW_IN_OUTLOOK, create.reason());
        }

        @Test
        void longOutlookTextIsTruncatedWithANoteAndATooLongPhoneIsNotCopied() {
            String title = "Chief Executive Officer and Founder of Things";
            String phone = "+46 40 123 45 67 ext 1234 5678 90";
            Plan plan = full().outlook(outlook("G1", BO.with(SyncedField.JOB_TITLE, title)
                    .with(SyncedField.PHONE_NO, phone))).plan();

            CreateInBc create = only(plan, CreateInBc.class);
            assertEquals(title.substring(0, 30).strip(), create.values().get(SyncedField.JOB_TITLE));
            assertEquals(List.of(new FieldNote(SyncedField.JOB_TITLE, Reason.TRUNCATED_FOR_BC, title.length())),
                    create.notes());
            assertEquals("", create.values().get(SyncedField.PHONE_NO));
            Skip skip = only(plan, Skip.class);
            assertEquals(Reason.TOO_LONG_FOR_BC, skip.reason());
            assertEquals("Phone No.", skip.detail());
        }

        @Test
        void truncatedValueDoesNotChurnOnTheNextSync() {
            String title = "Chief Executive Officer and Founder of Things";
            FieldValues outlookValues = complete(BO.with(SyncedField.JOB_TITLE, title));
            FieldValues bcValues = outlookValues.with(SyncedField.JOB_TITLE, title.substring(0, 30).strip());
            Plan plan = full().bc(bc("C1", bcValues)).outlook(outlook("G1", outlookValues))
                    .links(new SyncLink("C1", "G1", "ck-G1", bcValues, true)).plan();

            assertTrue(plan.actions().isEmpty(), () -> plan.actions().toString());
        }

        @Test
        void outlookContactLinkedToADeletedBcContactIsDeletedOrWithKeepUnlinked() {
            SyncLink dangling = link("C1", "G1", ANNA);
            Plan delete = full().outlook(stamped("G1", "C1", ANNA)).links(dangling).plan();
            Plan keep = full().policy(SyncPolicy.DEFAULT.keepingInOutlook()).outlook(stamped("G1", "C1", ANNA))
                    .links(dangling).plan();

            assertEquals(Reason.DELETED_IN_BC, only(delete, DeleteInOutlook.class).reason());
            assertEquals(List.of(new Unlink("C1", "G1", Reason.KEPT_IN_OUTLOOK, true)), keep.actions());
        }

        @Test
        void stampedContactOfADeletedBcContactIsDeleted() {
            Plan plan = full().outlook(stamped("G1", "C1", ANNA)).plan();

            assertEquals(Reason.DELETED_IN_BC, only(plan, DeleteInOutlook.class).reason());
        }

        @Test
        void linkedContactMissingFromAFullListingIsRecreated() {
            Plan plan = full().bc(bc("C1", ANNA)).links(link("C1", "G1", ANNA)).plan();

            assertEquals("C1", only(plan, Recreate.class).contactNo());
        }

        @Test
        void contactDeletedInOutlookAndOutOfScopeInBcIsOnlyUnlinked() {
            Plan plan = incremental().bc(new BcContact("C1", false, false, true, ANNA)).removed("G1")
                    .links(link("C1", "G1", ANNA)).plan();

            assertEquals(List.of(new Unlink("C1", "G1", Reason.DELETED_IN_OUTLOOK, false)), plan.actions());
        }
    }

    @Nested
    class MassDelete {

        /** A folder of {@code size} synced contacts of which the first {@code deleted} were deleted in BC. */
        private Plan folderWithDeletes(int size, int deleted, SyncPolicy policy) {
            Fixtures.SnapshotBuilder snapshot = full().policy(policy);
            for (int i = 0; i < size; i++) {
                String no = String.format("C%03d", i);
                FieldValues values = person("P" + i, "S" + i, "p" + i + "@example.com");
                snapshot.outlook(stamped("G" + no, no, values)).links(link(no, "G" + no, values));
                if (i >= deleted) {
                    snapshot.bc(bc(no, values));
                }
            }
            return snapshot.plan();
        }

        @ParameterizedTest(name = "{1} of {0} deleted → blocked: {2}")
        @CsvSource({ "10, 10, false", "11, 11, true", "20, 10, false", "20, 11, true", "22, 11, false",
                "22, 12, true", "100, 11, false", "100, 51, true" })
        void blocksMoreThanTenDeletesThatAreMoreThanHalfTheFolder(int size, int deleted, boolean blocked) {
            Plan plan = folderWithDeletes(size, deleted, SyncPolicy.DEFAULT);

            assertEquals(deleted, plan.massDelete().deletes());
            assertEquals(size, plan.massDelete().folderSize());
            assertEquals(blocked, plan.blocked());
        }

        @Test
        void confirmedRunIsNotBlocked() {
            Plan plan = folderWithDeletes(12, 12, SyncPolicy.DEFAULT.confirmingMassDelete());

            assertTrue(plan.massDelete().massive());
            assertFalse(plan.blocked());
        }

        @Test
        void aDeltaCountsTheSyncsContactsStillInTheFolder() {
            Plan plan = incremental().links(link("C1", "G1", ANNA), link("C2", "G2", BO)).removed("G2")
                    .outlook(outlook("G3", BO)).plan();

            assertEquals(1, plan.massDelete().folderSize(), "G1; G2 was removed, G3 is the user's own");
        }

        @Test
        void aListingAndADeltaOfTheSameFolderCountTheSameWhateverTheUserKeepsThereToo() {
            FieldValues usersOwn = person("Own", "Contact", "own@example.com");
            Plan listing = full().bc(bc("C1", ANNA), bc("C2", BO))
                    .outlook(stamped("G1", "C1", ANNA), stamped("G2", "C2", BO), outlook("G9", usersOwn))
                    .links(link("C1", "G1", ANNA), link("C2", "G2", BO)).plan();
            // The delta after it lists nothing: the user's own contact has not changed since the last run.
            Plan delta = incremental().bc(bc("C1", ANNA), bc("C2", BO))
                    .links(link("C1", "G1", ANNA), link("C2", "G2", BO)).plan();

            assertEquals(2, listing.massDelete().folderSize());
            assertEquals(listing.massDelete().folderSize(), delta.massDelete().folderSize(),
                    "a preview and the run after it say the same \"N of M\"");
        }
    }

    @Nested
    class PlanAsAWhole {

        @Test
        void summaryCountsEachKindAndDirection() {
            Plan plan = full().bc(bc("C1", ANNA), bc("C2", BO.with(SyncedField.CITY, "Lund")))
                    .outlook(stamped("G2", "C2", BO), outlook("G3", person("Cy", "Ro", "cy@example.com")))
                    .links(link("C2", "G2", BO)).plan();
            PlanSummary summary = plan.summary();

            assertAll(() -> assertEquals(1, summary.count(ActionKind.CREATE_IN_OUTLOOK)),
                    () -> assertEquals(1, summary.count(ActionKind.UPDATE_IN_OUTLOOK)),
                    () -> assertEquals(1, summary.count(ActionKind.CREATE_IN_BC)),
                    () -> assertEquals(0, summary.count(ActionKind.DELETE_IN_OUTLOOK)),
                    () -> assertEquals(2, summary.writes(Direction.TO_OUTLOOK)),
                    () -> assertEquals(1, summary.writes(Direction.TO_BUSINESS_CENTRAL)));
            assertEquals("To Outlook: 1 created, 1 updated, 0 deleted, 0 recreated; To Business Central: 1 created,"
                    + " 0 updated; Links: 0 made, 0 removed; 0 skipped, 0 conflicts", summary.describe());
        }

        @Test
        void thePlanDoesNotDependOnTheOrderOfTheSnapshot() {
            List<BcContact> bcContacts = new ArrayList<>();
            List<OutlookContact> outlookContacts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                FieldValues values = person("P" + i, "S" + i, "p" + (i % 5) + "@example.com");
                bcContacts.add(bc("C" + i, values));
                outlookContacts.add(outlook("G" + i, values.with(SyncedField.JOB_TITLE, "T" + i)));
            }
            LongFunction<List<SyncAction>> planWithOrder = seed -> {
                List<BcContact> bcShuffled = new ArrayList<>(bcContacts);
                List<OutlookContact> outlookShuffled = new ArrayList<>(outlookContacts);
                Collections.shuffle(bcShuffled, new Random(seed));
                Collections.shuffle(outlookShuffled, new Random(seed + 1));
                return Planner.plan(new SyncSnapshot(SyncMode.FULL, SyncPolicy.DEFAULT, bcShuffled,
                        OutlookSide.completeListing(outlookShuffled), List.of())).actions();
            };

            assertEquals(planWithOrder.apply(1), planWithOrder.apply(2));
        }

        @Test
        void snapshotRefusesALinkTableWithAGraphIdTwice() {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> full()
                    .links(link("C1", "G1", ANNA), link("C2", "G1", BO)).build());
            assertEquals("The snapshot holds the linked Graph id G1 twice", refused.getMessage());
        }

        @Test
        void deltaReplayOfOneContactCountsOnce() {
            Plan plan = full().outlook(outlook("G1", ANNA), outlook("G1", ANNA.with(SyncedField.CITY, "Lund")))
                    .plan();

            assertEquals("Lund", only(plan, CreateInBc.class).values().get(SyncedField.CITY));
        }
    }
}
