package org.contactsync.jobqueue.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.io.Serializable;
import java.util.List;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.jobqueue.JobQueueConfig;
import org.contactsync.jobqueue.JobQueueEntry;
import org.contactsync.jobqueue.JobQueueEntrySettings;
import org.contactsync.jobqueue.JobQueueMessages;
import org.contactsync.jobqueue.JobQueueService;
import org.contactsync.jobqueue.JobQueueStatus;
import org.contactsync.jobqueue.JobQueueJob;
import org.contactsync.jobqueue.JobRegistry;
import org.contactsync.jobqueue.JobRunStatus;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.LocalizedMessage;
import org.contactsync.platform.web.FacesMessages;
import org.contactsync.platform.web.ViewerTime;

/**
 * Business Central's Job Queue Entry Card (page 673): the General, Recurrence and Error FastTabs, Save, Set Status
 * to Ready, Set On Hold, Run Once (foreground), Show Error, Log Entries, Delete. ?id=… opens an entry, ?new=true a
 * new one (with Business Central's recurring defaults).
 */
@Named
@ViewScoped
public class JobQueueEntryCardView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "cardForm";

    @Inject
    transient JobQueueService service;

    @Inject
    transient JobQueueConfig config;

    @Inject
    transient JobRegistry registry;

    @Inject
    transient CurrentCaller caller;

    @Inject
    ViewerTime times;

    private Long idParam;
    private boolean newParam;
    private boolean loaded;
    private Long id;
    private JobQueueEntrySettings settings = new JobQueueEntrySettings();
    private JobQueueStatus status = JobQueueStatus.ON_HOLD;
    private String userId = "";
    private int attempts;
    private String lastReadyState = "";
    private String errorMessage = "";
    private String nextRun = "";
    private String modified = "";
    private long version;

    /** f:viewAction. */
    public void load() {
        try {
            if (newParam || idParam == null) {
                settings = new JobQueueEntrySettings();
                settings.setObjectId(registry.all().isEmpty() ? 0 : registry.all().get(0).objectId());
                settings.setRecurring(true);
                settings.setDays(EnumSet.allOf(DayOfWeek.class));
                settings.setMinutesBetweenRuns(1440);
            } else {
                show(service.entry(caller.get(), idParam));
            }
            loaded = true;
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(refusal.kind().status);
        }
    }

    public void save() {
        try {
            if (id == null) {
                show(service.create(caller.get(), settings));
                FacesMessages.info(JobQueueMessages.of("entry.created", id));
            } else {
                boolean wasReady = status == JobQueueStatus.READY;
                show(service.save(caller.get(), id, settings, version));
                FacesMessages.info(JobQueueMessages.of(wasReady ? "entry.savedOnHold" : "entry.saved"));
            }
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    public void setReady() {
        try {
            show(service.setReady(caller.get(), id));
            FacesMessages.info(JobQueueMessages.of("entry.ready", nextRun));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    public void setOnHold() {
        try {
            show(service.setOnHold(caller.get(), id));
            FacesMessages.info(JobQueueMessages.of("entry.onHold"));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    public void runOnce() {
        try {
            var log = service.runOnce(caller.get(), id);
            var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            var outcome = JobQueueMessages.of("log.status." + log.getStatus()).in(locale);
            var message = JobQueueMessages.of("entry.ranOnce", outcome, LocalizedMessage.read(log.getMessage(), locale));
            if (log.getStatus() == JobRunStatus.SUCCESS) {
                FacesMessages.info(message);
            } else {
                FacesMessages.error(message);
            }
            show(service.entry(caller.get(), id));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    /** Show Error: the entry's error message at the top of the card. */
    public void showError() {
        FacesMessages.error(errorMessage.isEmpty() ? JobQueueMessages.of("entry.noError")
                : JobQueueMessages.of("entry.errorText", errorMessage));
    }

    public void delete() throws IOException {
        try {
            service.delete(caller.get(), id);
            var context = FacesContext.getCurrentInstance();
            context.getExternalContext().getFlash().setKeepMessages(true);
            FacesMessages.info(JobQueueMessages.of("entry.deleted", id));
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath()
                    + "/admin/job-queue-entries.xhtml");
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }

    private void show(JobQueueEntry entry) {
        id = entry.getId();
        settings = entry.settings(config.zone());
        status = entry.getStatus();
        userId = entry.getUserId();
        attempts = entry.getAttempts();
        lastReadyState = times.format(entry.lastReadyAt());
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        errorMessage = entry.errorMessage().map(stored -> LocalizedMessage.read(stored, locale)).orElse("");
        nextRun = JobQueueCaptions.nextRun(times, entry);
        modified = JobQueueMessages.of("card.modified", times.format(entry.modified().at()), entry.modified().by())
                .in(locale);
        version = entry.getVersion();
    }

    /** Object ID to Run: the registry's jobs, each with its caption. */
    public List<SelectItem> getObjects() {
        return registry.all().stream().map(job -> new SelectItem(job.objectId(), job.objectId() + " – "
                + JobQueueCaptions.objectCaption(registry, job.objectType(), job.objectId()))).toList();
    }

    /** What the chosen job makes of its Parameter String; empty when it says nothing. */
    public String getParameterHelp() {
        return registry.find(settings.getObjectType(), settings.getObjectId()).flatMap(JobQueueJob::parameterHelp)
                .map(help -> help.in(FacesContext.getCurrentInstance().getViewRoot().getLocale())).orElse("");
    }

    public String getObjectCaption() {
        return JobQueueCaptions.objectCaption(registry, settings.getObjectType(), settings.getObjectId());
    }

    public boolean isCreating() {
        return id == null;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public Long getId() {
        return id;
    }

    public JobQueueEntrySettings getSettings() {
        return settings;
    }

    public JobQueueStatus getStatus() {
        return status;
    }

    public String getUserId() {
        return userId;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastReadyState() {
        return lastReadyState;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getNextRun() {
        return nextRun;
    }

    public String getModified() {
        return modified;
    }

    public Long getIdParam() {
        return idParam;
    }

    public void setIdParam(Long idParam) {
        this.idParam = idParam;
    }

    public boolean isNewParam() {
        return newParam;
    }

    public void setNewParam(boolean newParam) {
        this.newParam = newParam;
    }
}
