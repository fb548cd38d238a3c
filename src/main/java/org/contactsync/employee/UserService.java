package org.contactsync.employee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.contactsync.platform.ApplicationException;
import org.contactsync.platform.ApplicationException.Kind;
import org.contactsync.employee.security.SignInThrottle;
import org.contactsync.platform.FieldProblem;
import org.contactsync.platform.LocalizedMessage;

/**
 * Everything that changes a user: the Users list and User Card actions, passwords and web service keys. Every
 * method checks {@link UserChangePolicy} for the caller first and refuses bad input with an
 * {@link ApplicationException}, changing nothing.
 */
@ApplicationScoped
@Transactional
public class UserService {

    /** Who created or changed a user when no person did (first start, demo data). */
    public static final String SYSTEM = "system";
    /** The change-password form's field for the current password. */
    public static final String CURRENT_PASSWORD = "currentPassword";

    @Inject
    UserRepository users;

    @Inject
    Passwords passwords;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    Event<AuthenticationEmailChanged> emailChanges;

    @Inject
    SignInThrottle throttle;

    /** A new user together with the one-time password issued for them, if any, to be shown exactly once. */
    public record Issued(User user, Optional<String> oneTimePassword) {
    }

    /**
     * How a new user first signs in on the pages. The User Card always gives a one-time password; the REST API may
     * create a user without one (one who only uses the API, or whom the admin gives a password later with Reset
     * Password), which also spares the PBKDF2 hash that dominates the time a create takes.
     */
    public enum InitialPassword {
        /** A generated password, shown once, that must be changed at the first sign-in. */
        ONE_TIME,
        /** No password: the user cannot sign in on the pages until an admin resets their password. */
        NONE
    }

    public List<User> list(Caller caller) {
        UserChangePolicy.mayManageUsers(caller);
        return users.listByUserName();
    }

    public User card(Caller caller, String userName) {
        UserChangePolicy.mayOpenCard(caller, userName);
        return existing(userName);
    }

    public Optional<User> find(String userName) {
        return users.findByUserName(userName);
    }

    /**
     * A new user, with a one-time password that must be changed at the first sign-in or without a password. A user
     * name or e-mail another user has is a conflict (409 from the API), so that repeating a create never makes a
     * second user.
     */
    public Issued create(Caller caller, UserDetails details, InitialPassword initialPassword) {
        UserChangePolicy.mayManageUsers(caller);
        validate(details);
        if (users.findByUserName(details.normalizedUserName()).isPresent()) {
            throw conflict(new FieldProblem("userName", UserMessages.of("user.userName.taken")));
        }
        requireUniqueEmail(details, Optional.empty());
        var password = initialPassword == InitialPassword.ONE_TIME
                ? Optional.of(Secrets.newOneTimePassword()) : Optional.<String>empty();
        var user = new User(details, password.map(passwords::hash).orElse(Passwords.NONE), password.isPresent(),
                clock.instant(), caller.userName());
        users.add(user);
        try {
            users.flush();
        } catch (PersistenceException takenMeanwhile) {
            // Another request created a user with this name or e-mail between the checks above and this insert
            // (the same create sent twice at once): the unique constraints refused this one.
            throw conflict(new FieldProblem("userName", UserMessages.of("user.refused.createdMeanwhile")));
        }
        return new Issued(user, password);
    }

    /**
     * Every problem that would refuse {@link #create} of this user now, bad fields and taken ones alike; empty when
     * it would succeed. For a preview of many creates (the Users page's CSV import).
     */
    public List<FieldProblem> problemsCreating(Caller caller, UserDetails details) {
        UserChangePolicy.mayManageUsers(caller);
        var problems = new ArrayList<>(UserValidation.problems(validator, details));
        if (users.findByUserName(details.normalizedUserName()).isPresent()) {
            problems.add(new FieldProblem("userName", UserMessages.of("user.userName.taken")));
        }
        emailTaken(details, Optional.empty()).ifPresent(problems::add);
        return problems;
    }

    /** Saves a card that was read at {@code readVersion}; a change made meanwhile by someone else is refused. */
    public User update(Caller caller, UserDetails details, long readVersion) {
        UserChangePolicy.mayOpenCard(caller, details.userName());
        var user = existing(details.userName());
        if (user.getVersion() != readVersion) {
            throw new ApplicationException(Kind.CONFLICT, UserMessages.of("user.refused.changedMeanwhile"));
        }
        UserChangePolicy.mayUpdate(caller, user.details(), details);
        validate(details);
        requireUniqueEmail(details, Optional.of(user));
        var emailBefore = user.authenticationEmail();
        if (!emailBefore.equals(details.normalizedAuthenticationEmail())) {
            // Locked so that a sync run starting now either sees the new e-mail or holds its lease already.
            users.lockForUpdate(user);
            emailChanges.fire(new AuthenticationEmailChanged(user.getUserName(), emailBefore,
                    details.normalizedAuthenticationEmail(), caller.userName()));
        }
        user.apply(details, clock.instant(), caller.userName());
        users.flush();
        UserChangePolicy.keepsAnAdmin(users.countEnabledAdmins());
        return user;
    }

    public void delete(Caller caller, String userName) {
        UserChangePolicy.mayDelete(caller, userName);
        users.remove(existing(userName));
        users.flush();
        UserChangePolicy.keepsAnAdmin(users.countEnabledAdmins());
    }

    /** Replaces the user's web service access key; the old one stops working at once. Returns the new key. */
    public String changeWebServiceKey(Caller caller, String userName) {
        UserChangePolicy.mayChangeWebServiceKey(caller, userName);
        var key = Secrets.newAccessKey();
        existing(userName).changeWebServiceKey(Secrets.hashAccessKey(key), clock.instant(), caller.userName());
        return key;
    }

    /** Gives the user a one-time password that must be changed at the next sign-in. Returns it. */
    public String resetPassword(Caller caller, String userName) {
        UserChangePolicy.mayManageUsers(caller);
        var password = Secrets.newOneTimePassword();
        existing(userName).changePassword(passwords.hash(password), true, clock.instant(), caller.userName());
        return password;
    }

    /**
     * The signed-in user replaces their own password, proving that they know the current one. Wrong current
     * passwords count toward the sign-in lockout, as wrong passwords on the login page do, and while the user name
     * is locked no current password is checked. Returns the user's new session generation: the caller's own session
     * takes it over and stays signed in, every other session of the user ends.
     */
    public long changeOwnPassword(Caller caller, String currentPassword, String newPassword, String confirmation) {
        var user = existing(caller.userName());
        var locked = throttle.lockedFor(user.getUserName());
        if (locked.isPresent()) {
            throw invalid(new FieldProblem(CURRENT_PASSWORD, lockedMessage(locked.get())));
        }
        if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
            throttle.failed(user.getUserName());
            throw invalid(new FieldProblem(CURRENT_PASSWORD, throttle.lockedFor(user.getUserName())
                    .map(UserService::lockedMessage).orElse(UserMessages.of("password.currentWrong"))));
        }
        throttle.succeeded(user.getUserName());
        var problems = new ArrayList<>(PasswordRules.problems(user.getUserName(), newPassword, confirmation));
        if (problems.stream().noneMatch(p -> p.field().equals(PasswordRules.NEW_PASSWORD))
                && currentPassword.equals(newPassword)) {
            problems.add(0, new FieldProblem(PasswordRules.NEW_PASSWORD, UserMessages.of("password.sameAsCurrent")));
        }
        if (!problems.isEmpty()) {
            throw new ApplicationException(Kind.INVALID, UserMessages.of("password.invalid"), problems);
        }
        user.changePassword(passwords.hash(newPassword), false, clock.instant(), caller.userName());
        return user.getSessionGeneration();
    }

    /** See {@link SignInState}; empty when the user no longer exists or is disabled. */
    public Optional<SignInState> signInState(String userName) {
        return users.signInState(userName);
    }

    private static LocalizedMessage lockedMessage(Duration lockedFor) {
        return UserMessages.of("signIn.locked", Math.max(1, (lockedFor.toSeconds() + 59) / 60));
    }

    /** Whether the user must change their password before doing anything else; false for anyone not enabled. */
    public boolean mustChangePassword(String userName) {
        return signInState(userName).filter(SignInState::mustChangePassword).isPresent();
    }

    /**
     * On a first start (no users at all) creates the administrator {@code admin}, whose password must be changed
     * at the first sign-in. Returns the password only when it was generated here, so the caller can show it once.
     */
    public Optional<String> createFirstAdmin(Optional<String> configuredPassword) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        var password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(Secrets::newOneTimePassword);
        var details = new UserDetails("admin", "Administrator", "", true, Set.of(Role.ADMIN));
        users.add(new User(details, passwords.hash(password), true, clock.instant(), SYSTEM));
        return configuredPassword.filter(p -> !p.isBlank()).isPresent() ? Optional.empty() : Optional.of(password);
    }

    /** Adds a user with a known password hash and access key unless one of that name exists (demo data). */
    public boolean addIfMissing(UserDetails details, String passwordHash, String accessKey) {
        if (users.findByUserName(details.normalizedUserName()).isPresent()) {
            return false;
        }
        var now = clock.instant();
        var user = new User(details, passwordHash, false, now, SYSTEM);
        user.changeWebServiceKey(Secrets.hashAccessKey(accessKey), now, SYSTEM);
        users.add(user);
        return true;
    }

    private User existing(String userName) {
        return users.findByUserName(userName).orElseThrow(() -> new ApplicationException(Kind.NOT_FOUND,
                UserMessages.of("user.notFound", userName)));
    }

    private void validate(UserDetails details) {
        var problems = UserValidation.problems(validator, details);
        if (!problems.isEmpty()) {
            throw new ApplicationException(Kind.INVALID, UserMessages.of("user.invalid"), problems);
        }
    }

    private void requireUniqueEmail(UserDetails details, Optional<User> self) {
        emailTaken(details, self).ifPresent(problem -> {
            throw conflict(problem);
        });
    }

    private Optional<FieldProblem> emailTaken(UserDetails details, Optional<User> self) {
        return details.normalizedAuthenticationEmail()
                .flatMap(users::findByAuthenticationEmail)
                .filter(other -> self.map(s -> !s.getId().equals(other.getId())).orElse(true))
                .map(other -> new FieldProblem("authenticationEmail",
                        UserMessages.of("user.authenticationEmail.taken")));
    }

    /** Valid on its own, but taken by another user. */
    private static ApplicationException conflict(FieldProblem problem) {
        return new ApplicationException(Kind.CONFLICT, UserMessages.of("user.invalid"), List.of(problem));
    }

    private static ApplicationException invalid(FieldProblem problem) {
        return new ApplicationException(Kind.INVALID, UserMessages.of("user.invalid"), List.of(problem));
    }
}
