package org.contactsync.exchange.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.contactsync.exchange.ExchangeMessages;
import org.contactsync.graph.ConnectionCheckResult;

/** Puts a connection check's outcome on the page in plain words, with the technical detail when it failed. */
final class CheckResults {

    private CheckResults() {
    }

    static void show(ConnectionCheckResult result) {
        var context = FacesContext.getCurrentInstance();
        var locale = context.getViewRoot().getLocale();
        var text = ExchangeMessages.of("check." + result.outcome().name()).in(locale);
        var shown = result.ok() || result.technicalDetail().isEmpty() ? text
                : text + " " + ExchangeMessages.of("connection.technicalDetail", result.technicalDetail()).in(locale);
        context.addMessage(null, new FacesMessage(result.ok() ? FacesMessage.SEVERITY_INFO
                : FacesMessage.SEVERITY_ERROR, shown, shown));
    }
}
