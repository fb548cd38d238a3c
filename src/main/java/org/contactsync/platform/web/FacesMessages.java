package org.contactsync.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.LocalizedMessage;

/** Puts service messages on the page, in the view's language. */
public final class FacesMessages {

    private FacesMessages() {
    }

    public static void info(LocalizedMessage message) {
        add(null, FacesMessage.SEVERITY_INFO, message);
    }

    public static void error(LocalizedMessage message) {
        add(null, FacesMessage.SEVERITY_ERROR, message);
    }

    /**
     * Shows a refused request: its message at the top, each field problem beside its field when the page has a
     * component with that field's id (client id {@code formId:field}), otherwise at the top as well.
     */
    public static void show(ApplicationException refusal, String formId) {
        var context = FacesContext.getCurrentInstance();
        var locale = context.getViewRoot().getLocale();
        if (refusal.fieldProblems().isEmpty()) {
            error(refusal.userMessage());
        }
        for (var problem : refusal.fieldProblems()) {
            var clientId = formId + ":" + problem.field();
            var text = problem.message().in(locale);
            var target = context.getViewRoot().findComponent(clientId) == null ? null : clientId;
            context.addMessage(target, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        context.validationFailed();
    }

    private static void add(String clientId, FacesMessage.Severity severity, LocalizedMessage message) {
        var context = FacesContext.getCurrentInstance();
        var text = message.in(context.getViewRoot().getLocale());
        context.addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
