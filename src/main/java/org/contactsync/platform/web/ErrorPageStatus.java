package org.contactsync.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP status of error pages the container would otherwise send as 500. An expired or foreign view state (a form
 * posted after the session ended, or one this server never rendered) is the client's request going stale, not a
 * server failure: 400. AJAX requests keep their 200, because PrimeFaces shows a partial response only with it
 * (OmniFaces' FullAjaxExceptionHandler renders the same page into it).
 */
@Named
@ApplicationScoped
public class ErrorPageStatus {

    public void expired() {
        var context = FacesContext.getCurrentInstance();
        if (!context.getPartialViewContext().isAjaxRequest()) {
            context.getExternalContext().setResponseStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
