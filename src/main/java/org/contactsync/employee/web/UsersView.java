package org.contactsync.employee.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.contactsync.employee.User;
import org.contactsync.employee.UserMessages;
import org.contactsync.employee.UserService;
import org.contactsync.employee.security.CurrentCaller;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.web.FacesMessages;

/** BC's Users list (admin): user name, full name, authentication e-mail, state and roles; New, Edit, Delete. */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UserService users;

    @Inject
    transient CurrentCaller caller;

    private transient List<User> rows;

    @PostConstruct
    void load() {
        rows = users.list(caller.get());
    }

    public void delete(String userName) {
        try {
            users.delete(caller.get(), userName);
            FacesMessages.info(UserMessages.of("user.deleted", userName));
        } catch (ApplicationException refusal) {
            FacesMessages.show(refusal, "usersForm");
        }
        load();
    }

    public List<User> getRows() {
        if (rows == null) {
            load();
        }
        return rows;
    }
}
