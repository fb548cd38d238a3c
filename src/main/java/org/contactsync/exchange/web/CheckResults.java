package org.contactsync.exchange.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.EnumSet;
import java.util.Set;
import org.contactsync.exchange.ExchangeMessages;
import org.contactsync.graph.ConnectionCheckOutcome;
import org.contactsync.graph.ConnectionCheckResult;
import org.contactsync.platform.LocalizedMessage;

/** Puts a connection check's outcome on the page in plain words, with the technical detail when it failed. */
final class CheckResults {

    /** Outcomes that are the connection's fault, which only an administrator can put right. */
    private static final Set<ConnectionCheckOutcome> CONNECTION_PROBLEMS = EnumSet.of(
            ConnectionCheckOutcome.WRONG_TENANT, ConnectionCheckOutcome.WRONG_CLIENT_ID,
            ConnectionCheckOutcome.WRONG_SECRET, ConnectionCheckOutcome.SECRET_EXPIRED,
            ConnectionCheckOutcome.PERMISSION_MISSING);

    private CheckResults() {
    }

    /** Test connection on the admin's page: the outcome with what the admin should do. */
    static void show(ConnectionCheckResult result) {
        show(result, ExchangeMessages.of("check." + result.outcome().name()));
    }

    /** Validate Exchange Connection: a fault of the connection itself also says who can fix it. */
    static void showForMailbox(ConnectionCheckResult result) {
        var outcome = ExchangeMessages.of("check." + result.outcome().name());
        show(result, CONNECTION_PROBLEMS.contains(result.outcome())
                ? ExchangeMessages.of("setup.connectionProblem", outcome) : outcome);
    }

    private static void show(ConnectionCheckResult result, LocalizedMessage message) {
        var context = FacesContext.getCurrentInstance();
        var locale = context.getViewRoot().getLocale();
        var text = message.in(locale);
        var shown = result.ok() || result.technicalDetail().isEmpty() ? text
                : text + " " + ExchangeMessages.of("connection.technicalDetail", result.technicalDetail()).in(locale);
        context.addMessage(null, new FacesMessage(result.ok() ? FacesMessage.SEVERITY_INFO
                : FacesMessage.SEVERITY_ERROR, shown, shown));
    }
}
