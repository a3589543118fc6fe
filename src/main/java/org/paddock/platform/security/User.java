package org.paddock.platform.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person (or CI account) who signs in with a password or calls the API with a token. A person who signs in with
 * the distribution's OpenID Connect provider is linked to the provider's subject and has no local password.
 */
@Entity(name = "PaddockUser")
@Table(name = "paddock_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(nullable = false, length = 200)
    private String email;

    /** Null for an account of the OpenID Connect provider that was never given a local password. */
    @Column(name = "password_hash", length = 400)
    private String passwordHash;

    /** The provider's {@code sub} of the person, when they sign in with OpenID Connect. */
    @Column(name = "oidc_subject", length = 255)
    private String oidcSubject;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Convert(converter = Role.JpaConverter.class)
    private Set<Role> roles = new HashSet<>();

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "group_member", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<Group> groups = new HashSet<>();

    protected User() {
    }

    public User(String username, String displayName, String email, String passwordHash, Set<Role> roles,
                Set<Group> groups, Instant createdAt) {
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.email = email == null ? "" : email;
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.roles = roles.isEmpty() ? new HashSet<>() : EnumSet.copyOf(roles);
        this.groups = new HashSet<>(groups);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** A person who signs in with the OpenID Connect provider as {@code subject}: no local password. */
    static User ofProvider(String subject, String username, String displayName, String email, Instant createdAt) {
        User u = new User();
        u.username = Objects.requireNonNull(username);
        u.displayName = Objects.requireNonNull(displayName);
        u.email = email == null ? "" : email;
        u.oidcSubject = Objects.requireNonNull(subject);
        u.createdAt = Objects.requireNonNull(createdAt);
        return u;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(Group group) {
        return group != null && groups.contains(group);
    }

    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public void rename(String newDisplayName) {
        this.displayName = Objects.requireNonNull(newDisplayName);
    }

    public void changeEmail(String newEmail) {
        this.email = newEmail == null ? "" : newEmail;
    }

    public void changeRoles(Set<Role> newRoles) {
        this.roles.clear();
        this.roles.addAll(newRoles);
    }

    public void changeGroups(Set<Group> newGroups) {
        this.groups.clear();
        this.groups.addAll(newGroups);
    }

    public void join(Group group) {
        this.groups.add(Objects.requireNonNull(group));
    }

    public void leave(Group group) {
        this.groups.remove(group);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    /** The stored hash, empty for an account that signs in only with the OpenID Connect provider. */
    java.util.Optional<String> passwordHash() {
        return java.util.Optional.ofNullable(passwordHash);
    }

    /** The OpenID Connect provider's subject this account is linked to, if any. */
    public java.util.Optional<String> oidcSubject() {
        return java.util.Optional.ofNullable(oidcSubject);
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public Set<Group> getGroups() {
        return Collections.unmodifiableSet(groups);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u && username.equals(u.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
