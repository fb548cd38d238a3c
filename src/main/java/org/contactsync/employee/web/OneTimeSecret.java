package org.contactsync.employee.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * A newly issued web service key or one-time password, shown in the response of the action that issued it and
 * then gone: it lives for one request only and is never put into the view state or the session.
 */
@Named
@RequestScoped
public class OneTimeSecret {

    /** What was issued; the page picks its caption by it. */
    public enum Kind { WEB_SERVICE_KEY, PASSWORD }

    private Kind kind;
    private String value;

    void issue(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    public boolean isIssued() {
        return value != null;
    }

    public boolean isWebServiceKey() {
        return kind == Kind.WEB_SERVICE_KEY;
    }

    public String getValue() {
        return value == null ? "" : value;
    }
}
