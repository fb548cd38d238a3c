package org.contactsync.exchange.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.contactsync.exchange.ConnectionChecks;
import org.contactsync.exchange.ExchangeMessages;
import org.contactsync.graph.ConnectionCheckResult;
import org.contactsync.platform.LocalizedMessage;

/** Puts a connection check's outcome on the page in plain words, with the technical detail when it failed. */
final class CheckResults {

    private CheckResults() {
    }

    /** Test connection on the admin's page: the outcome with what the admin should do. */
    static void show(ConnectionCheckResult result) {
        show(result, ExchangeMessages.of("check." + result.outcome().name()));
    }

    /** Validate Exchange Connection: a fault of the connection itself also says who can fix it. */
    static void showForMailbox(ConnectionCheckResult result) {
        show(result, ConnectionChecks.mailboxMessage(result));
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
