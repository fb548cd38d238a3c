package org.contactsync.employee;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.contactsync.platform.AuditStamp;

/**
 * A person who signs in (BC's User table). User name and e-mail are kept in lower case so that lookups are
 * case-insensitive; the secrets are hashes only. Times are stored as UTC {@link OffsetDateTime} because
 * EclipseLink 4.0 (Payara's) serializes {@link Instant} into a blob instead of mapping it.
 */
@Entity(name = "AppUser")
@Table(name = "app_user")
public class User {

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    @Column(name = "user_name", nullable = false, length = 50, updatable = false)
    private String userName;

    @Column(name = "full_name", nullable = false, length = 80)
    private String fullName;

    @Column(name = "authentication_email", length = 250)
    private String authenticationEmail;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "change_password", nullable = false)
    private boolean changePassword;

    /** Added to at every password change; sessions signed in at an older generation end (SignedInSessionFilter). */
    @Column(name = "session_generation", nullable = false)
    private long sessionGeneration;

    @Column(name = "web_service_key_hash", length = 64)
    private String webServiceKeyHash;

    @Column(name = "web_service_key_changed")
    private OffsetDateTime webServiceKeyChanged;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Embedded
    @AttributeOverride(name = "at", column = @Column(name = "created_at", nullable = false, updatable = false))
    @AttributeOverride(name = "by", column = @Column(name = "created_by", nullable = false, updatable = false))
    private AuditStamp created;

    @Embedded
    private AuditStamp modified;

    @Version
    private long version;

    protected User() {
        // for JPA
    }

    /**
     * A new user; {@code by} is the user name of whoever creates it ("system" at start-up), {@code mustChange}
     * whether the password is a one-time password to be replaced at the first sign-in.
     */
    public User(UserDetails details, String passwordHash, boolean mustChange, Instant now, String by) {
        this.userName = details.normalizedUserName();
        apply(details, now, by);
        this.passwordHash = passwordHash;
        this.changePassword = mustChange;
        this.created = new AuditStamp(now, by);
    }

    /** Takes over name, e-mail, state and roles (the user name itself never changes). */
    public final void apply(UserDetails details, Instant now, String by) {
        this.fullName = details.fullName().strip();
        this.authenticationEmail = details.normalizedAuthenticationEmail().orElse(null);
        this.enabled = details.enabled();
        this.roles = details.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(details.roles());
        touch(now, by);
    }

    /** A new password; every session signed in before it is ended (see {@link #getSessionGeneration()}). */
    public void changePassword(String newHash, boolean mustChange, Instant now, String by) {
        this.passwordHash = newHash;
        this.changePassword = mustChange;
        this.sessionGeneration++;
        touch(now, by);
    }

    public void changeWebServiceKey(String newKeyHash, Instant now, String by) {
        this.webServiceKeyHash = newKeyHash;
        this.webServiceKeyChanged = utc(now);
        touch(now, by);
    }

    private void touch(Instant now, String by) {
        this.modified = new AuditStamp(now, by);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The fields a card shows and edits, as they are now. */
    public UserDetails details() {
        return new UserDetails(userName, fullName, authenticationEmail().orElse(""), enabled, roles);
    }

    public Long getId() {
        return id;
    }

    public String getUserName() {
        return userName;
    }

    public String getFullName() {
        return fullName;
    }

    public Optional<String> authenticationEmail() {
        return Optional.ofNullable(authenticationEmail);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** False for a user created without a password, until an admin resets it. */
    public boolean hasPassword() {
        return !Passwords.NONE.equals(passwordHash);
    }

    public boolean isChangePassword() {
        return changePassword;
    }

    /** Which password a session signed in with: sessions of an older generation are no longer valid. */
    public long getSessionGeneration() {
        return sessionGeneration;
    }

    public Optional<String> webServiceKeyHash() {
        return Optional.ofNullable(webServiceKeyHash);
    }

    public Optional<Instant> webServiceKeyChanged() {
        return Optional.ofNullable(webServiceKeyChanged).map(OffsetDateTime::toInstant);
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public AuditStamp created() {
        return created;
    }

    public AuditStamp modified() {
        return modified;
    }

    public long getVersion() {
        return version;
    }
}
