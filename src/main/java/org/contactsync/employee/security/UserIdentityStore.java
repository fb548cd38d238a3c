package org.contactsync.employee.security;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.contactsync.employee.Passwords;
import org.contactsync.employee.Role;
import org.contactsync.employee.Secrets;
import org.contactsync.employee.User;
import org.contactsync.employee.UserRepository;

/**
 * Checks passwords (pages) and web service access keys (API) against {@code app_user}. An unknown user, a wrong
 * secret and a disabled user all give the same invalid result, and an unknown user costs one decoy PBKDF2
 * verification so that the answer takes as long as for a known one.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @Inject
    UserRepository users;

    @Inject
    Passwords passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password) {
            return validatePassword(password);
        }
        if (credential instanceof AccessKeyCredential accessKey) {
            return validateAccessKey(accessKey);
        }
        return NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult validatePassword(UsernamePasswordCredential credential) {
        var password = credential.getPasswordAsString();
        var user = users.findByUserName(credential.getCaller());
        boolean matches = user.isPresent()
                ? passwords.matches(password, user.get().getPasswordHash())
                : passwords.matchesNothing(password);
        return matches && user.get().isEnabled() ? valid(user.get()) : INVALID_RESULT;
    }

    private CredentialValidationResult validateAccessKey(AccessKeyCredential credential) {
        return users.findByUserName(credential.userName())
                .filter(User::isEnabled)
                .filter(u -> u.webServiceKeyHash().map(h -> Secrets.accessKeyMatches(credential.accessKey(), h))
                        .orElse(false))
                .map(UserIdentityStore::valid)
                .orElse(INVALID_RESULT);
    }

    private static CredentialValidationResult valid(User user) {
        return new CredentialValidationResult(user.getUserName(),
                user.getRoles().stream().map(Role::groupName).collect(Collectors.toSet()));
    }
}
