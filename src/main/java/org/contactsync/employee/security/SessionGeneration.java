package org.contactsync.employee.security;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The user's session generation ({@link org.contactsync.employee.User#getSessionGeneration()}) a signed-in HTTP
 * session holds: taken at sign-in and when this session changes the password. A session whose generation is not
 * the user's current one is no longer valid ({@code SignedInSessionFilter} ends it).
 */
public final class SessionGeneration {

    private static final String ATTRIBUTE = SessionGeneration.class.getName();

    private SessionGeneration() {
    }

    public static void remember(HttpSession session, long generation) {
        session.setAttribute(ATTRIBUTE, generation);
    }

    /** Whether the session holds {@code current}; false without a session or a current generation. */
    public static boolean isCurrent(Optional<HttpSession> session, Optional<Long> current) {
        return session.isPresent() && current.isPresent() && current.get().equals(session.get().getAttribute(ATTRIBUTE));
    }
}
