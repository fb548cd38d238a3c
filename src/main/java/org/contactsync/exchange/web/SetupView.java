package org.contactsync.exchange.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.exchange.ConnectionChecks;
import org.contactsync.exchange.ExchangeSyncService;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;

/**
 * Business Central's Exchange Sync Setup (page 6700): {@code setup.xhtml?userName=bob} (admins: anyone; employees:
 * themselves), without a parameter the caller's own. A refused setup shows the refusal and nothing of the user.
 */
@Named
@ViewScoped
public class SetupView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "setup";

    @Inject
    transient ExchangeSyncService setups;

    @Inject
    transient ConnectionChecks connectionChecks;

    @Inject
    transient CurrentCaller caller;

    private String userNameParam;
    private boolean loaded;
    private String userName = "";
    private String authenticationEmail = "";

    /** f:viewAction: opens (and on first use creates) the setup. */
    public void load() {
        try {
            var current = caller.get();
            var requested = userNameParam == null || userNameParam.isBlank() ? current.userName() : userNameParam;
            userName = setups.open(current, requested).getUserName();
            authenticationEmail = setups.authenticationEmail(current, userName).orElse("");
            loaded = true;
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(refusal.kind().status);
        }
    }

    /** Validate Exchange Connection. */
    public void validate() {
        try {
            CheckResults.showForMailbox(connectionChecks.validateMailbox(caller.get(), userName));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, FORM);
        }
    }


    public boolean isLoaded() {
        return loaded;
    }

    public String getUserName() {
        return userName;
    }

    public String getAuthenticationEmail() {
        return authenticationEmail;
    }

    public String getUserNameParam() {
        return userNameParam;
    }

    public void setUserNameParam(String userNameParam) {
        this.userNameParam = userNameParam;
    }
}
