package org.contactsync.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.contactsync.contact.Contact;
import org.contactsync.employee.Caller;
import org.contactsync.employee.User;
import org.contactsync.employee.UserRepository;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.platform.FieldProblem;
import org.contactsync.platform.PlainText;

/**
 * Each employee's Exchange Sync / Contact Sync Setup. An employee opens and changes only their own, an admin
 * anyone's (checked here, so a crafted URL or request gets the same refusal as the page). Opening a setup creates
 * it with Business Central's defaults, as BC's page does. The sync engine reads a setup with {@link #find} and
 * records its results on the entity inside its own transaction.
 */
@ApplicationScoped
@Transactional
public class ExchangeSyncService {

    @Inject
    @ConfigProperty(name = "contactsync.sync.alerts.alert-after")
    int alertAfter;

    @Inject
    @ConfigProperty(name = "contactsync.sync.alerts.pause-after")
    int pauseAfter;

    /** The preview list's length on the Contact Sync Setup page. */
    public static final int PREVIEW_SIZE = 20;

    @Inject
    ExchangeSyncRepository setups;

    @Inject
    UserRepository users;

    @Inject
    Clock clock;

    protected ExchangeSyncService() {
        // for CDI
    }

    /** For tests outside the container, which manage the transaction themselves. */
    public ExchangeSyncService(ExchangeSyncRepository setups, UserRepository users, Clock clock) {
        this.setups = setups;
        this.users = users;
        this.clock = clock;
    }

    /** The user's setup, created with the defaults if they have none yet. */
    public ExchangeSync open(Caller caller, String userName) {
        var user = userFor(caller, userName);
        return find(user.getUserName()).orElseGet(() -> {
            var created = new ExchangeSync(user.getUserName(), clock.instant(), caller.userName());
            setups.add(created);
            // Written now, so that its version is the one a save in this transaction compares with.
            setups.flush();
            return created;
        });
    }

    /** The e-mail the setup syncs with (the user card's Microsoft 365 e-mail), checked like {@link #open}. */
    public Optional<String> authenticationEmail(Caller caller, String userName) {
        return userFor(caller, userName).authenticationEmail();
    }

    /** Saves the Contact Sync Setup read at {@code readVersion}; refuses bad input field by field. */
    public ExchangeSync save(Caller caller, String userName, ContactSyncSettings settings, long readVersion) {
        var setup = open(caller, userName);
        if (setup.getVersion() != readVersion) {
            throw new ApplicationException(Kind.CONFLICT, ExchangeMessages.of("setup.refused.changedMeanwhile"));
        }
        // Every bad field at once, the folder name's and each filter field's, so that one answer names them all.
        var problems = new ArrayList<FieldProblem>();
        folderNameProblem(settings.folderName()).ifPresent(problems::add);
        try {
            settings.filter().parse();
        } catch (ApplicationException invalidFilter) {
            problems.addAll(invalidFilter.fieldProblems());
        }
        if (!problems.isEmpty()) {
            throw new ApplicationException(Kind.INVALID, ExchangeMessages.of("setup.invalid"), problems);
        }
        setup.change(settings, clock.instant(), caller.userName());
        setups.flush();
        return setup;
    }

    private static Optional<FieldProblem> folderNameProblem(String folderName) {
        if (folderName.isEmpty() || folderName.length() > ExchangeSync.FOLDER_NAME_LENGTH) {
            return Optional.of(new FieldProblem("folderName", ExchangeMessages.of("setup.folderName.invalid",
                    ExchangeSync.FOLDER_NAME_LENGTH)));
        }
        if (!PlainText.Validator.isPlain(folderName)) {
            return Optional.of(new FieldProblem("folderName", ExchangeMessages.of(PlainText.MESSAGE_KEY)));
        }
        return Optional.empty();
    }

    /** Deletes the user's setup (the sync stops for them; their Outlook folder and its contacts stay). */
    public void delete(Caller caller, String userName) {
        var user = userFor(caller, userName);
        find(user.getUserName()).ifPresent(setups::remove);
    }

    /** How many contacts the filter lets through; refused with the field's problem when it is invalid. */
    public long count(SyncFilter filter) {
        return setups.count(filter.parse());
    }

    /** How many of them will sync: the persons with a Name and an E-mail, not privacy blocked. */
    public long countWillSync(SyncFilter filter) {
        return setups.countGoingToOutlook(filter.parse());
    }

    /** The first contacts (by No.) the filter lets through that will sync. */
    public List<Contact> preview(SyncFilter filter, int max) {
        return setups.firstGoingToOutlook(filter.parse(), max);
    }

    /** For the sync engine: the user's setup, if they have one. */
    public Optional<ExchangeSync> find(String userName) {
        return setups.find(userName);
    }

    /** For the job queue: the setups with Enable Background Synchronization on. */
    public List<ExchangeSync> withBackgroundSync() {
        return setups.withBackgroundSync();
    }

    /** When a failing employee's sync is an alert and when it pauses background synchronization. */
    public MailboxAlertRule alertRule() {
        return new MailboxAlertRule(alertAfter, pauseAfter);
    }

    /** Mailbox Alerts (admins): see {@link ExchangeSyncRepository#alerting}. */
    public List<ExchangeSync> alerting(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ApplicationException(Kind.FORBIDDEN, ExchangeMessages.of("alerts.refused"));
        }
        return setups.alerting(alertRule().alertAfter());
    }

    /** For metrics: how many employees' last sync failed. */
    public long countLastSyncFailed() {
        return setups.countLastSyncFailed();
    }

    private User userFor(Caller caller, String userName) {
        if (!caller.isAdmin() && !caller.is(userName)) {
            throw new ApplicationException(Kind.FORBIDDEN, ExchangeMessages.of("setup.refused.otherUser"));
        }
        return users.findByUserName(userName).orElseThrow(() -> new ApplicationException(
                Kind.NOT_FOUND, ExchangeMessages.of("setup.refused.noUser", userName)));
    }
}
