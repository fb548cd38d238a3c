package org.contactsync.jobqueue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import org.contactsync.jobqueue.JobQueueConfig;

/** Date-times as the job queue pages show them: in the job queue's time zone, in the view's language. */
@Named
@ApplicationScoped
public class JobQueueTimes {

    @Inject
    JobQueueConfig config;

    public String format(Optional<Instant> instant) {
        return instant.map(this::format).orElse("");
    }

    public String format(Instant instant) {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(config.zone())
                .format(instant);
    }

    public String getZone() {
        return config.zone().getId();
    }
}
