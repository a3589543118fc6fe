package org.paddock.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;

import java.io.IOException;
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
    FacesContext faces;

    private List<User> all = List.of();
    private List<String> groupNames = List.of();
    private String username;
    private String displayName;
    private String email;
    private String password;
    private List<String> roles = new ArrayList<>();
    private List<String> groups = new ArrayList<>();

    public void load() throws IOException {
        if (!currentUser.mayManageUsers()) {
            var ext = faces.getExternalContext();
            if (!currentUser.isSignedIn()) {
                ext.redirect(ext.getRequestContextPath() + "/login.xhtml?next=/users.xhtml");
            } else {
                ext.responseSendError(403, "only admins manage users");
            }
            faces.responseComplete();
            return;
        }
        all = accounts.allUsers();
        groupNames = accounts.allGroups().stream().map(Group::getName).toList();
    }

    public void create() throws IOException {
        Permissions.requireManageUsers(currentUser.get().orElse(null));
        try {
            Set<Role> r = EnumSet.noneOf(Role.class);
            roles.forEach(w -> r.add(Role.valueOf(w.toUpperCase())));
            accounts.createUser(username, displayName, email, password, r, new HashSet<>(groups));
            var ext = faces.getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/users.xhtml");
            faces.responseComplete();
        } catch (InvalidInputException e) {
            for (FieldError err : e.errors()) {
                faces.addMessage("user-form:" + err.field(), new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        err.reason(), err.reason()));
            }
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
