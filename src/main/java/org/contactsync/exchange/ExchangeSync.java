package org.contactsync.exchange;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Optional;
import org.contactsync.platform.AuditStamp;
import org.contactsync.platform.LocalizedMessage;

/**
 * One employee's Exchange Sync / Contact Sync Setup (Business Central's table 6700 "Exchange Sync"): the Outlook
 * folder, the saved filter, background synchronization, the keep-in-Outlook policy, and what the sync engine
 * records (folder id, last sync, delta link). Changes by a person record who and when; the engine's records do not.
 */
@Entity
@Table(name = "exchange_sync")
public class ExchangeSync {

    /** BC's default folder: the product's short name. */
    public static final String DEFAULT_FOLDER_NAME = "Business Central";
    public static final int FOLDER_NAME_LENGTH = 30;

    @Id
    @SequenceGenerator(name = "exchange_sync_seq", sequenceName = "exchange_sync_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exchange_sync_seq")
    private Long id;

    @Column(name = "user_name", nullable = false, updatable = false, length = 50)
    private String userName;

    @Column(name = "folder_name", nullable = false, length = FOLDER_NAME_LENGTH)
    private String folderName = DEFAULT_FOLDER_NAME;

    @Column(name = "folder_id", length = 250)
    private String folderId;

    @Column(name = "folder_rename_pending", nullable = false)
    private boolean folderRenamePending;

    @Column(name = "filter_no", nullable = false)
    private String filterNo = "";
    @Column(name = "filter_name", nullable = false)
    private String filterName = "";
    @Column(name = "filter_type", nullable = false)
    private String filterType = "";
    @Column(name = "filter_company_no", nullable = false)
    private String filterCompanyNo = "";
    @Column(name = "filter_company_name", nullable = false)
    private String filterCompanyName = "";
    @Column(name = "filter_salesperson_code", nullable = false)
    private String filterSalespersonCode = "";
    @Column(name = "filter_territory_code", nullable = false)
    private String filterTerritoryCode = "";
    @Column(name = "filter_city", nullable = false)
    private String filterCity = "";
    @Column(name = "filter_post_code", nullable = false)
    private String filterPostCode = "";
    @Column(name = "filter_county", nullable = false)
    private String filterCounty = "";
    @Column(name = "filter_country_region_code", nullable = false)
    private String filterCountryRegionCode = "";

    @Column(name = "background_sync_enabled", nullable = false)
    private boolean backgroundSyncEnabled;

    @Column(name = "keep_in_outlook", nullable = false)
    private boolean keepInOutlook;

    @Column(name = "last_sync_at")
    private OffsetDateTime lastSyncAt;

    @Column(name = "last_sync_result", length = 250)
    private String lastSyncResult;

    @Column(name = "delta_link", length = 4000)
    private String deltaLink;

    @Column(name = "failures_in_a_row", nullable = false)
    private int failuresInARow;

    @Column(name = "last_failure_message", length = 2000)
    private String lastFailureMessage;

    @Column(name = "last_failure_kind", length = 30)
    private String lastFailureKind;

    @Column(name = "last_failure_at")
    private OffsetDateTime lastFailureAt;

    @Column(name = "last_failure_run_id")
    private Long lastFailureRunId;

    @Column(name = "background_paused_at")
    private OffsetDateTime backgroundPausedAt;

    @Column(name = "background_paused_after")
    private Integer backgroundPausedAfter;

    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "created_at", nullable = false, updatable = false))
    @AttributeOverride(name = "by", column = @Column(name = "created_by", nullable = false, updatable = false))
    private AuditStamp created;

    @Embedded
    private AuditStamp modified;

    @Version
    private long version;

    protected ExchangeSync() {
        // for JPA
    }

    /** A new setup with BC's defaults: folder "Business Central", no filter, no background sync. */
    public ExchangeSync(String userName, Instant now, String by) {
        this.userName = userName;
        this.created = new AuditStamp(now, by);
        touch(now, by);
    }

    /**
     * Takes over what a person set on the Contact Sync Setup. A new folder name for a folder the engine already
     * created only marks it "rename pending": the engine renames the Outlook folder (keeping its contacts) and then
     * calls {@link #folderRenamed()}.
     */
    public void change(ContactSyncSettings settings, Instant now, String by) {
        var newName = settings.folderName().strip();
        if (!newName.equals(folderName) && folderId != null) {
            folderRenamePending = true;
        }
        folderName = newName;
        setFilter(settings.filter());
        if (settings.backgroundSyncEnabled() && !backgroundSyncEnabled) {
            // Someone switched it on (again): they have looked at the alert, so its count starts over.
            clearAlert();
        }
        backgroundSyncEnabled = settings.backgroundSyncEnabled();
        keepInOutlook = settings.keepInOutlook();
        touch(now, by);
    }

    /** Engine: the Outlook folder it found or created under {@link #getFolderName()}; a delta link is the old one's. */
    public void recordFolder(String graphFolderId) {
        this.folderId = graphFolderId;
        this.folderRenamePending = false;
        this.deltaLink = null;
    }

    /** Engine: a run that did not finish may still move the delta link on (see SyncStore#finish). */
    public void continueFrom(String nextDeltaLink) {
        this.deltaLink = nextDeltaLink;
    }

    /** Engine: Graph no longer reads the stored delta link; the next run starts from scratch without asking again. */
    public void forgetDeltaLink() {
        this.deltaLink = null;
    }

    /** Engine: the Outlook folder now has {@link #getFolderName()}. */
    public void folderRenamed() {
        this.folderRenamePending = false;
    }

    /**
     * The user's Microsoft 365 e-mail changed: the folder id and the deltaLink belong to the old mailbox, so the
     * next run starts afresh (finds or creates its folder in the new mailbox and reads it whole). Touching the setup
     * also keeps the next run from taking the "in step" shortcut.
     */
    public void mailboxChanged(Instant now, String by) {
        this.folderId = null;
        this.folderRenamePending = false;
        this.deltaLink = null;
        touch(now, by);
    }

    /** Engine: a finished run, its one-line result and the delta link to continue from (empty: start over). */
    public void recordSync(Instant finishedAt, String result, Optional<String> nextDeltaLink) {
        this.lastSyncAt = utc(finishedAt);
        this.lastSyncResult = result.length() > 250 ? result.substring(0, 250) : result;
        this.deltaLink = nextDeltaLink.orElse(null);
    }

    /**
     * Engine: a sync (not a preview) failed. One more failure in a row, with its message and kind; when the rule
     * says so, background synchronization is switched off (paused) with the reason kept, until someone switches it
     * on again ({@link #change}).
     *
     * @param kind what kind of Microsoft Graph failure it was (a {@code ConnectionCheckOutcome} name); empty for
     *             any other failure
     * @return whether this failure paused background synchronization
     */
    public boolean syncFailed(long runId, Instant at, String message, Optional<String> kind, MailboxAlertRule rule) {
        failuresInARow++;
        lastFailureRunId = runId;
        lastFailureAt = utc(at);
        lastFailureMessage = message.length() > 2000 ? message.substring(0, 2000) : message;
        lastFailureKind = kind.orElse(null);
        if (!rule.pauses(failuresInARow, backgroundSyncEnabled)) {
            return false;
        }
        backgroundSyncEnabled = false;
        backgroundPausedAt = utc(at);
        backgroundPausedAfter = failuresInARow;
        return true;
    }

    /**
     * Engine: a sync (not a preview) succeeded, so the mailbox works: the count starts over. A pause stays until
     * someone switches background synchronization on again.
     */
    public void syncSucceeded() {
        failuresInARow = 0;
        lastFailureMessage = null;
        lastFailureKind = null;
        lastFailureAt = null;
        lastFailureRunId = null;
    }

    /** Whether that failed run is the one that paused background synchronization (and it is still paused). */
    public boolean pausedBy(long runId) {
        return backgroundPausedAfter != null && lastFailureRunId != null && lastFailureRunId == runId
                && failuresInARow == backgroundPausedAfter;
    }

    private void clearAlert() {
        syncSucceeded();
        backgroundPausedAt = null;
        backgroundPausedAfter = null;
    }

    private void touch(Instant now, String by) {
        this.modified = new AuditStamp(now, by);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public SyncFilter filter() {
        var texts = new EnumMap<FilterField, String>(FilterField.class);
        texts.put(FilterField.NO, filterNo);
        texts.put(FilterField.NAME, filterName);
        texts.put(FilterField.TYPE, filterType);
        texts.put(FilterField.COMPANY_NO, filterCompanyNo);
        texts.put(FilterField.COMPANY_NAME, filterCompanyName);
        texts.put(FilterField.SALESPERSON_CODE, filterSalespersonCode);
        texts.put(FilterField.TERRITORY_CODE, filterTerritoryCode);
        texts.put(FilterField.CITY, filterCity);
        texts.put(FilterField.POST_CODE, filterPostCode);
        texts.put(FilterField.COUNTY, filterCounty);
        texts.put(FilterField.COUNTRY_REGION_CODE, filterCountryRegionCode);
        return new SyncFilter(texts);
    }

    private void setFilter(SyncFilter filter) {
        filterNo = filter.text(FilterField.NO);
        filterName = filter.text(FilterField.NAME);
        filterType = filter.text(FilterField.TYPE);
        filterCompanyNo = filter.text(FilterField.COMPANY_NO);
        filterCompanyName = filter.text(FilterField.COMPANY_NAME);
        filterSalespersonCode = filter.text(FilterField.SALESPERSON_CODE);
        filterTerritoryCode = filter.text(FilterField.TERRITORY_CODE);
        filterCity = filter.text(FilterField.CITY);
        filterPostCode = filter.text(FilterField.POST_CODE);
        filterCounty = filter.text(FilterField.COUNTY);
        filterCountryRegionCode = filter.text(FilterField.COUNTRY_REGION_CODE);
    }

    /** What the Contact Sync Setup page edits, as it is now. */
    public ContactSyncSettings settings() {
        return new ContactSyncSettings(folderName, filter(), backgroundSyncEnabled, keepInOutlook);
    }

    public Long getId() {
        return id;
    }

    public String getUserName() {
        return userName;
    }

    public String getFolderName() {
        return folderName;
    }

    public Optional<String> folderId() {
        return Optional.ofNullable(folderId);
    }

    public boolean isFolderRenamePending() {
        return folderRenamePending;
    }

    public boolean isBackgroundSyncEnabled() {
        return backgroundSyncEnabled;
    }

    public boolean isKeepInOutlook() {
        return keepInOutlook;
    }

    public Optional<Instant> lastSyncAt() {
        return Optional.ofNullable(lastSyncAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> lastSyncResult() {
        return Optional.ofNullable(lastSyncResult);
    }

    /**
     * Last Sync Result in the reader's language, for the page and the API; a result stored before results were
     * stored as messages, as it is.
     */
    public Optional<String> lastSyncResult(Locale locale) {
        return lastSyncResult().map(stored -> LocalizedMessage.fromStored(stored).map(message -> message.in(locale))
                .orElse(stored));
    }

    public Optional<String> deltaLink() {
        return Optional.ofNullable(deltaLink);
    }

    public int getFailuresInARow() {
        return failuresInARow;
    }

    /** The last failed sync's message, while the failures go on (a success clears it). */
    public Optional<String> lastFailureMessage() {
        return Optional.ofNullable(lastFailureMessage);
    }

    /** The last failure's kind, a {@code ConnectionCheckOutcome} name, when it was a Microsoft Graph failure. */
    public Optional<String> lastFailureKind() {
        return Optional.ofNullable(lastFailureKind);
    }

    public Optional<Instant> lastFailureAt() {
        return Optional.ofNullable(lastFailureAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Long> lastFailureRunId() {
        return Optional.ofNullable(lastFailureRunId);
    }

    /** When the engine switched background synchronization off, while it stays off. */
    public Optional<Instant> backgroundPausedAt() {
        return Optional.ofNullable(backgroundPausedAt).map(OffsetDateTime::toInstant);
    }

    /** After how many failures in a row the engine switched background synchronization off. */
    public Optional<Integer> backgroundPausedAfter() {
        return Optional.ofNullable(backgroundPausedAfter);
    }

    public AuditStamp created() {
        return created;
    }

    public AuditStamp modified() {
        return modified;
    }

    public long getVersion() {
        return version;
    }
}
