package org.contactsync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.contactfolders.ContactFoldersRequestBuilder;
import com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder;
import com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaGetResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Graph contract that holds on any Microsoft Graph, checked through the official SDK: contact folders, contacts
 * with an extended property, paging with {@code PageIterator}, and the delta loop with deletions. It runs against the
 * sandbox ({@link SandboxGraphSdkIT}) and against a real tenant ({@link RealTenantGraphSdkIT}), so that anyone with a
 * tenant can hold the sandbox against the real service. Nothing here may depend on the sandbox (no counters, fault
 * knobs or admin endpoints); a test adds its sandbox-only assertions through the callbacks, which run while the test
 * folder still exists. Each check works in a folder of its own with a unique name and removes it afterwards.
 */
final class GraphSdkContract {

    static final String CRM_KEY = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name CrmContactNo";
    /** PidTagBusinessFaxNumber as a proptag, as the product stores Fax No. */
    static final String FAX_ID = "String 0x3A24";

    /** How a test folder is removed when a check is done (whether or not the check itself deleted it). */
    interface FolderRemoval {
        void remove(ContactFoldersRequestBuilder folders, String folderId);
    }

    /** The sandbox: DELETE removes a folder (a real mailbox keeps it in Deleted Items). */
    static final FolderRemoval DELETE = (folders, folderId) -> folders.byContactFolderId(folderId).delete();
    /** A real mailbox: permanentDelete leaves nothing behind (api-reference contactfolder-permanentdelete). */
    static final FolderRemoval PERMANENT_DELETE =
            (folders, folderId) -> folders.byContactFolderId(folderId).permanentDelete().post();

    /** What a delta check leaves for sandbox-only assertions on the same folder. */
    record DeltaLoop(ContactsRequestBuilder contacts, int firstRoundPages, String latestDeltaLink, int contactsLeft) {
    }

    private final GraphTarget target;
    private final GraphServiceClient graph;
    private final FolderRemoval removal;

    GraphSdkContract(GraphTarget target, FolderRemoval removal) {
        this.target = target;
        this.graph = target.client();
        this.removal = removal;
    }

    GraphServiceClient graph() {
        return graph;
    }

    private ContactFoldersRequestBuilder folders() {
        return graph.users().byUserId(target.mailbox()).contactFolders();
    }

    /**
     * Creates a folder, refuses a second of the same name (409 ErrorFolderExists), finds it by name, renames it and
     * deletes it, after which it is no longer among the mailbox's contact folders; {@code afterDelete} gets its id.
     * A mailbox that does not exist is 404 ErrorInvalidUser.
     */
    void foldersAreCreatedFoundRenamedAndDeletedAndDuplicatesRefused(Consumer<String> afterDelete) {
        var folders = folders();
        String name = uniqueFolderName();
        try (TestFolder folder = new TestFolder(name)) {
            ODataError duplicate = assertThrows(ODataError.class, () -> folders.post(folderNamed(name)));
            assertEquals(409, duplicate.getResponseStatusCode());
            assertEquals("ErrorFolderExists", duplicate.getError().getCode());

            assertEquals(List.of(folder.id()), folderIdsNamed(name));

            String newName = name + " renamed";
            ContactFolder renamed = folders.byContactFolderId(folder.id()).patch(folderNamed(newName));
            assertEquals(newName, folders.byContactFolderId(folder.id()).get().getDisplayName());
            assertEquals(folder.id(), renamed.getId());

            folders.byContactFolderId(folder.id()).delete();
            assertEquals(List.of(), folderIdsNamed(newName), "a deleted folder is no longer a contact folder");
            afterDelete.accept(folder.id());

            String nobody = "contactsync-nobody-" + UUID.randomUUID().toString().substring(0, 8)
                    + target.mailbox().substring(target.mailbox().indexOf('@'));
            ODataError unknown = assertThrows(ODataError.class,
                    () -> graph.users().byUserId(nobody).contactFolders().get());
            assertEquals(404, unknown.getResponseStatusCode());
            assertEquals("ErrorInvalidUser", unknown.getError().getCode());
        }
    }

    /**
     * Creates 12 contacts with an extended property, pages through them with {@code PageIterator} ({@code $top},
     * {@code $select}), finds them by e-mail and by the extended property's value, expands that property, updates
     * one with {@code If-Match} (a stale ETag is 412 ErrorIrresolvableConflict) and deletes it; two properties are
     * expanded at once with {@code or}, as the product reads its stamp and Fax No.
     */
    void contactsAreCreatedPagedFilteredExpandedUpdatedAndDeleted() throws Exception {
        inTestFolder(contacts -> {
            List<Contact> created = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                created.add(contacts.post(contact("Person", "No" + i, "person" + i + "@example.com", "CT" + (1000 + i))));
            }
            assertEquals("Person No0", created.get(0).getDisplayName());

            ContactCollectionResponse firstPage = contacts.get(rc -> {
                rc.queryParameters.top = 5;
                rc.queryParameters.select = new String[]{"givenName", "surname", "changeKey"};
            });
            Set<String> seen = new HashSet<>();
            new PageIterator.Builder<Contact, ContactCollectionResponse>()
                    .client(graph)
                    .collectionPage(firstPage)
                    .collectionPageFactory(ContactCollectionResponse::createFromDiscriminatorValue)
                    .processPageItemCallback(c -> {
                        assertTrue(seen.add(c.getId()));
                        assertEquals(null, c.getEmailAddresses(), "not selected");
                        return true;
                    })
                    .build()
                    .iterate();
            assertEquals(12, seen.size());

            var byEmail = contacts.get(rc -> rc.queryParameters.filter =
                    "emailAddresses/any(a:a/address eq 'person3@example.com')").getValue();
            assertEquals(List.of(created.get(3).getId()), byEmail.stream().map(Contact::getId).toList());
            var byKey = contacts.get(rc -> rc.queryParameters.filter = "singleValueExtendedProperties/Any(ep: ep/id eq '"
                    + CRM_KEY + "' and ep/value eq 'CT1007')").getValue();
            assertEquals(List.of(created.get(7).getId()), byKey.stream().map(Contact::getId).toList());

            Contact withKey = contacts.byContactId(created.get(7).getId()).get(rc -> rc.queryParameters.expand =
                    new String[]{"singleValueExtendedProperties($filter=id eq '" + CRM_KEY + "')"});
            assertEquals("CT1007", withKey.getSingleValueExtendedProperties().get(0).getValue());

            // The product expands its stamp and Fax No. in one go: two ids joined with "or".
            Contact faxed = contact("Fax", "Owner", "fax@example.com", "CT2000");
            SingleValueLegacyExtendedProperty fax = new SingleValueLegacyExtendedProperty();
            fax.setId(FAX_ID);
            fax.setValue("+46 8 123 45");
            faxed.setSingleValueExtendedProperties(List.of(faxed.getSingleValueExtendedProperties().get(0), fax));
            String faxedId = contacts.post(faxed).getId();
            Contact both = contacts.byContactId(faxedId).get(rc -> rc.queryParameters.expand = new String[]{
                    "singleValueExtendedProperties($filter=id eq '" + CRM_KEY + "' or id eq '" + FAX_ID + "')"});
            assertEquals(Set.of("CT2000", "+46 8 123 45"), both.getSingleValueExtendedProperties().stream()
                    .map(SingleValueLegacyExtendedProperty::getValue).collect(Collectors.toSet()));

            Contact change = new Contact();
            change.setJobTitle("CTO");
            String firstEtag = (String) created.get(0).getAdditionalData().get("@odata.etag");
            Contact updated = contacts.byContactId(created.get(0).getId())
                    .patch(change, rc -> rc.headers.add("If-Match", firstEtag));
            assertEquals("CTO", updated.getJobTitle());
            assertEquals("No0", updated.getSurname());
            assertNotEquals(created.get(0).getChangeKey(), updated.getChangeKey());
            assertEquals(created.get(0).getId(), updated.getId());

            ODataError stale = assertThrows(ODataError.class, () -> contacts.byContactId(created.get(0).getId())
                    .patch(change, rc -> rc.headers.add("If-Match", firstEtag)));
            assertEquals(412, stale.getResponseStatusCode());
            assertEquals("ErrorIrresolvableConflict", stale.getError().getCode());

            contacts.byContactId(created.get(0).getId()).delete();
            ODataError gone = assertThrows(ODataError.class, () -> contacts.byContactId(created.get(0).getId()).get());
            assertEquals("ErrorItemNotFound", gone.getError().getCode());
        });
    }

    /**
     * A first delta round (pages of at most 2 asked for) sees the folder's 5 contacts; after one is changed and one
     * deleted, the next round reports exactly those two, the deleted one as {@code @removed}. {@code then} gets the
     * folder and the round's links while the folder still exists.
     */
    void theDeltaLoopSeesEverythingThenChangesAndDeletions(Consumer<DeltaLoop> then) throws Exception {
        inTestFolder(contacts -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(contacts.post(contact("Person", "No" + i, "p" + i + "@example.com", "CT" + i)).getId());
            }

            List<Contact> firstRound = new ArrayList<>();
            DeltaGetResponse page = contacts.delta().get(rc -> {
                rc.queryParameters.select = new String[]{"givenName", "surname", "changeKey"};
                rc.headers.add("Prefer", "odata.maxpagesize=2");
            });
            int pages = 1;
            while (page.getOdataNextLink() != null) {
                firstRound.addAll(page.getValue());
                page = contacts.delta().withUrl(page.getOdataNextLink()).get();
                pages++;
            }
            firstRound.addAll(page.getValue());
            String deltaLink = page.getOdataDeltaLink();
            assertEquals(Set.copyOf(ids), Set.copyOf(firstRound.stream().map(Contact::getId).toList()));

            Contact change = new Contact();
            change.setJobTitle("CTO");
            contacts.byContactId(ids.get(1)).patch(change);
            contacts.byContactId(ids.get(2)).delete();
            DeltaGetResponse second = contacts.delta().withUrl(deltaLink).get();
            assertEquals(Set.of(ids.get(1), ids.get(2)),
                    Set.copyOf(second.getValue().stream().map(Contact::getId).toList()));
            Contact removed = second.getValue().stream().filter(c -> c.getId().equals(ids.get(2))).findFirst().orElseThrow();
            assertTrue(removed.getAdditionalData().containsKey("@removed"));
            assertFalse(second.getValue().stream().filter(c -> c.getId().equals(ids.get(1))).findFirst().orElseThrow()
                    .getAdditionalData().containsKey("@removed"));
            then.accept(new DeltaLoop(contacts, pages, second.getOdataDeltaLink(), ids.size() - 1));
        });
    }

    /** A check that works on the contacts of a fresh test folder. */
    private interface FolderCheck {
        void run(ContactsRequestBuilder contacts) throws Exception;
    }

    private void inTestFolder(FolderCheck check) throws Exception {
        try (TestFolder folder = new TestFolder(uniqueFolderName())) {
            check.run(folders().byContactFolderId(folder.id()).contacts());
        }
    }

    /**
     * A folder created for one check and removed when it closes, whether or not the check deleted it already (a
     * folder already gone, 404, is fine). As a resource of try-with-resources, a failure to remove it is added to a
     * failure of the check as suppressed instead of hiding it.
     */
    private final class TestFolder implements AutoCloseable {

        private final String id;

        TestFolder(String name) {
            this.id = folders().post(folderNamed(name)).getId();
        }

        String id() {
            return id;
        }

        @Override
        public void close() {
            try {
                removal.remove(folders(), id);
            } catch (ODataError e) {
                if (e.getResponseStatusCode() != 404) {
                    throw e;
                }
            }
        }
    }

    private List<String> folderIdsNamed(String name) {
        return folders().get(rc -> {
            rc.queryParameters.filter = "displayName eq '" + name + "'";
            rc.queryParameters.top = 10;
        }).getValue().stream().map(ContactFolder::getId).toList();
    }

    /** Unique per run, so that runs against one mailbox never meet (or a leftover of a failed run). */
    private static String uniqueFolderName() {
        return "ContactSync contract " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ContactFolder folderNamed(String name) {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(name);
        return folder;
    }

    static Contact contact(String givenName, String surname, String email, String crmNo) {
        Contact contact = new Contact();
        contact.setGivenName(givenName);
        contact.setSurname(surname);
        EmailAddress address = new EmailAddress();
        address.setAddress(email);
        contact.setEmailAddresses(List.of(address));
        SingleValueLegacyExtendedProperty key = new SingleValueLegacyExtendedProperty();
        key.setId(CRM_KEY);
        key.setValue(crmNo);
        contact.setSingleValueExtendedProperties(List.of(key));
        return contact;
    }
}
