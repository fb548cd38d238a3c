package org.contactsync.exchange.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.platform.web.ViewerTime;

/**
 * Mailbox Alerts (admins): the employees whose syncs keep failing or whose background synchronization the engine
 * paused, each with the alert in plain words and the way to their Contact Sync Setup, where it is switched on again.
 */
@Named
@ViewScoped
public class MailboxAlertsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One employee's alert as the page shows it. */
    public record Row(String userName, int failuresInARow, boolean paused, String alert) {
    }

    @Inject
    transient ExchangeSyncService setups;

    @Inject
    transient CurrentCaller caller;

    @Inject
    ViewerTime times;

    private List<Row> rows;

    @PostConstruct
    void load() {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        var rule = setups.alertRule();
        rows = setups.alerting(caller.get()).stream()
                .map(setup -> new Row(setup.getUserName(), setup.getFailuresInARow(),
                        setup.backgroundPausedAt().isPresent(),
                        MailboxAlertText.of(setup, rule, times, locale).orElse("")))
                .toList();
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getAlertAfter() {
        return String.valueOf(setups.alertRule().alertAfter());
    }

    public String getPauseAfter() {
        return String.valueOf(setups.alertRule().pauseAfter());
    }
}
