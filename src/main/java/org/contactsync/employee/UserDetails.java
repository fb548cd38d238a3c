package org.contactsync.employee;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.contactsync.platform.PlainText;

/**
 * The editable fields of a user card, with BC's lengths. The message templates are keys of the employee bundle
 * ({@link UserMessages}), resolved in the reader's language when a violation is shown.
 *
 * <p>A class with constrained fields rather than a record: on a record the constraints would also land on the
 * canonical constructor's parameters, which Payara's OpenAPI scanner takes for JAX-RS parameters and fails on
 * (a 500 from {@code /openapi}).
 */
public final class UserDetails {

    /** The roles a new user starts with on the User Card and in the API, unless others are chosen. */
    public static final Set<Role> NEW_USER_ROLES = Set.of(Role.EMPLOYEE);

    @NotBlank(message = "{user.userName.required}")
    @Size(max = 50, message = "{user.userName.length}")
    // The empty alternative leaves an empty name to @NotBlank, so that it gets one clear message.
    @Pattern(regexp = "|[A-Za-z0-9][A-Za-z0-9._@-]*", message = "{user.userName.invalid}")
    private final String userName;

    @NotNull(message = "{user.fullName.length}")
    @Size(max = 80, message = "{user.fullName.length}")
    @PlainText
    private final String fullName;

    @NotNull(message = "{user.authenticationEmail.invalid}")
    @Size(max = 250, message = "{user.authenticationEmail.length}")
    @Email(message = "{user.authenticationEmail.invalid}")
    // Bean Validation's @Email accepts "a@b"; a Microsoft 365 address always has a domain with a dot.
    @Pattern(regexp = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{user.authenticationEmail.invalid}")
    private final String authenticationEmail;

    private final boolean enabled;

    private final Set<Role> roles;

    public UserDetails(String userName, String fullName, String authenticationEmail, boolean enabled,
            Set<Role> roles) {
        this.userName = userName;
        this.fullName = fullName;
        this.authenticationEmail = authenticationEmail;
        this.enabled = enabled;
        this.roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public String userName() {
        return userName;
    }

    public String fullName() {
        return fullName;
    }

    public String authenticationEmail() {
        return authenticationEmail;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return roles;
    }

    public String normalizedUserName() {
        return userName.strip().toLowerCase(Locale.ROOT);
    }

    /** The e-mail in lower case, or empty when none was given. */
    public Optional<String> normalizedAuthenticationEmail() {
        return Optional.ofNullable(authenticationEmail).map(String::strip).filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT));
    }
}
