package org.paddock.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The admin's Users page: every user, and a form to create one. Admins only, checked on every request. */
@Named("users")
@RequestScoped
public class UsersBacking {

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    Pages pages;

    private List<User> all = List.of();
    private List<String> groupNames = List.of();
    private String username;
    private String displayName;
    private String email;
    private String password;
    private List<String> roles = new ArrayList<>();
    private List<String> groups = new ArrayList<>();

    public void load() {
        if (!pages.allowOnly(currentUser.mayManageUsers(), "/users.xhtml", "only admins manage users")) {
            return;
        }
        all = accounts.allUsers();
        groupNames = accounts.allGroups().stream().map(Group::getName).toList();
    }

    public void create() {
        // checked again here: a form posted by someone else goes to the 403 page, not into a message
        Permissions.requireManageUsers(currentUser.get().orElse(null));
        boolean made = pages.run(() -> {
            Set<Role> r = EnumSet.noneOf(Role.class);
            roles.forEach(w -> r.add(Role.valueOf(w.toUpperCase())));
            accounts.createUser(username, displayName, email, password, r, new HashSet<>(groups));
            return "/users.xhtml";
        }, Pages.Errors.byField("user-form", null));
        if (!made) {
            load();
        }
    }

    public List<String> getAllRoles() {
        return List.of("maintainer", "policy_editor", "admin", "ci");
    }

    public List<User> getAll() { return all; }
    public List<String> getGroupNames() { return groupNames; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> v) { roles = v; }
    public List<String> getGroups() { return groups; }
    public void setGroups(List<String> v) { groups = v; }
}
