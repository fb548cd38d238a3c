package org.contactsync.exchange.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.contactsync.contact.Contact;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.exchange.ContactSyncSettings;
import org.contactsync.exchange.ExchangeMessages;
import org.contactsync.exchange.ExchangeSync;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.exchange.FilterField;
import org.contactsync.exchange.SyncFilter;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;
import org.contactsync.platform.web.ViewerTime;

/**
 * Business Central's Contact Sync Setup (page 6701) for one user, with the filter that decides which contacts are
 * synced: the count and the first {@value ExchangeSyncService#PREVIEW_SIZE} matching contacts follow every change
 * of a filter field. Who may open whose setup is the service's decision, as on the Exchange Sync Setup.
 */
@Named
@ViewScoped
public class ContactSyncSetupView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "contactSyncSetup";

    @Inject
    ViewerTime times;

    @Inject
    transient ExchangeSyncService setups;

    @Inject
    transient CurrentCaller caller;

    private String userNameParam;
    private boolean loaded;
    private String userName = "";
    private String folderName = "";
    private boolean folderRenamePending;
    private boolean backgroundSyncEnabled;
    private boolean keepInOutlook;
    /** Filter expressions by the input's id (filterNo, filterName, ...), as the page binds them. */
    private final Map<String, String> filter = new HashMap<>();
    private String modified = "";
    private long version;
    private boolean filterValid = true;
    private long matchCount;
    private long willSyncCount;
    private List<Contact> preview = List.of();

    /** f:viewAction: opens (and on first use creates) the setup. */
    public void load() {
        try {
            var current = caller.get();
            var requested = userNameParam == null || userNameParam.isBlank() ? current.userName() : userNameParam;
            show(setups.open(current, requested));
            loaded = true;
            filterChanged();
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(refusal.kind().status);
        }
    }

    /** Recounts and refreshes the preview; an invalid expression shows its problem beside its field. */
    public void filterChanged() {
        try {
            var current = currentFilter();
            matchCount = setups.count(current);
            willSyncCount = setups.countWillSync(current);
            preview = new ArrayList<>(setups.preview(current, ExchangeSyncService.PREVIEW_SIZE));
            filterValid = true;
        } catch (ApplicationException refusal) {
            filterValid = false;
            preview = List.of();
            FacesMessages.show(refusal, FORM);
        }
    }

    public void save() {
        var settings = new ContactSyncSettings(folderName, currentFilter(), backgroundSyncEnabled, keepInOutlook);
        try {
            show(setups.save(caller.get(), userName, settings, version));
            FacesMessages.info(ExchangeMessages.of("contactSync.saved"));
            filterChanged();
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    public void deleteSetup() {
        try {
            setups.delete(caller.get(), userName);
            loaded = false;
            FacesMessages.info(ExchangeMessages.of("contactSync.deleted"));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    private SyncFilter currentFilter() {
        var expressions = new EnumMap<FilterField, String>(FilterField.class);
        for (var field : FilterField.values()) {
            expressions.put(field, filter.getOrDefault(field.inputId, ""));
        }
        return new SyncFilter(expressions);
    }

    private void show(ExchangeSync setup) {
        userName = setup.getUserName();
        folderName = setup.getFolderName();
        folderRenamePending = setup.isFolderRenamePending();
        backgroundSyncEnabled = setup.isBackgroundSyncEnabled();
        keepInOutlook = setup.isKeepInOutlook();
        var saved = setup.filter();
        for (var field : FilterField.values()) {
            filter.put(field.inputId, saved.text(field));
        }
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        modified = ExchangeMessages.of("contactSync.modified", times.format(setup.modified().at()),
                setup.modified().by()).in(locale);
        version = setup.getVersion();
    }

    public boolean isLoaded() {
        return loaded;
    }

    public String getUserName() {
        return userName;
    }

    public String getFolderName() {
        return folderName;
    }

    public void setFolderName(String folderName) {
        this.folderName = folderName;
    }

    public boolean isFolderRenamePending() {
        return folderRenamePending;
    }

    public boolean isBackgroundSyncEnabled() {
        return backgroundSyncEnabled;
    }

    public void setBackgroundSyncEnabled(boolean backgroundSyncEnabled) {
        this.backgroundSyncEnabled = backgroundSyncEnabled;
    }

    public boolean isKeepInOutlook() {
        return keepInOutlook;
    }

    public void setKeepInOutlook(boolean keepInOutlook) {
        this.keepInOutlook = keepInOutlook;
    }

    public Map<String, String> getFilter() {
        return filter;
    }

    /**
     * Last Sync Date/Time, read afresh: the sync progress poll re-renders it while a run goes on, so the card shows
     * the run's end without a reload (issue 13, point 8).
     */
    public String getLastSync() {
        return savedSetup().flatMap(ExchangeSync::lastSyncAt).map(times::format).orElseGet(() -> ExchangeMessages
                .of("contactSync.never").in(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
    }

    /** Last Sync Result in the page's language (a result stored before results were stored as messages: as it is). */
    public String getLastSyncResult() {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return savedSetup().flatMap(setup -> setup.lastSyncResult(locale)).orElse("");
    }

    /** The employee's mailbox alert in plain words; empty when there is none. */
    public String getAlert() {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return savedSetup().flatMap(setup -> MailboxAlertText.of(setup, setups.alertRule(), times, locale))
                .orElse("");
    }

    private Optional<ExchangeSync> savedSetup() {
        return userName.isEmpty() ? Optional.empty() : setups.find(userName);
    }

    public String getModified() {
        return modified;
    }

    public boolean isFilterValid() {
        return filterValid;
    }

    public long getMatchCount() {
        return matchCount;
    }

    public long getWillSyncCount() {
        return willSyncCount;
    }

    public List<Contact> getPreview() {
        return preview;
    }

    public int getPreviewSize() {
        return ExchangeSyncService.PREVIEW_SIZE;
    }

    public String getUserNameParam() {
        return userNameParam;
    }

    public void setUserNameParam(String userNameParam) {
        this.userNameParam = userNameParam;
    }
}
