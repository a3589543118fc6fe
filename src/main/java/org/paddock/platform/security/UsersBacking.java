package org.paddock.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.paddock.platform.Pages;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The admin's Users page: every user and group, forms to create a user or a group, to add or remove a member,
 * and ({@code ?edit=name}) to change a user's roles, groups, name, e-mail and whether they are active, or reset
 * their password. Admins only, checked on every request; the changes go through {@link People}.
 */
@Named("users")
@RequestScoped
public class UsersBacking {

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    People people;

    @Inject
    jakarta.faces.context.FacesContext faces;

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
    private List<People.GroupView> allGroups = List.of();
    private String groupName;
    private String groupDescription;
    private String memberGroup;
    private String memberUser;
    private String editing;
    private boolean editFound;
    private String editDisplayName;
    private String editEmail;
    private List<String> editRoles = new ArrayList<>();
    private List<String> editGroups = new ArrayList<>();
    private boolean editActive;
    private String newPassword;
    private List<org.paddock.platform.AdminChanges.Change> editChanges = List.of();

    /**
     * Loads what every render needs, before a postback's validation too (the group choices must be known then); the
     * user being edited comes from the request parameter {@code edit}, on the link and on the edit forms' buttons.
     */
    @PostConstruct
    void init() {
        if (!currentUser.mayManageUsers()) {
            return;
        }
        all = accounts.allUsers();
        allGroups = people.groups(caller());
        groupNames = allGroups.stream().map(People.GroupView::name).toList();
        var parameters = faces.getExternalContext().getRequestParameterMap();
        editing = parameters.get("edit");
        if (editing != null && !editing.isBlank()) {
            accounts.byUsername(editing.strip()).ifPresent(u -> {
                editFound = true;
                editChanges = people.changesOfUser(caller(), u.getUsername());
                // the edit form's own postback keeps what was typed; any other request shows what is stored
                if (!parameters.containsKey("edit-form")) {
                    People.UserView v = People.view(u);
                    editDisplayName = v.displayName();
                    editEmail = v.email();
                    editRoles = new ArrayList<>(v.roles());
                    editGroups = new ArrayList<>(v.groups());
                    editActive = v.active();
                }
            });
        }
    }

    public void load() {
        pages.allowOnly(currentUser.mayManageUsers(), "/users.xhtml", "only admins manage users");
    }

    public void createGroup() {
        Permissions.requireManageUsers(caller());
        act(() -> people.createGroup(caller(), groupName, groupDescription), "group-form", "/users.xhtml");
    }

    public void addMember() {
        Permissions.requireManageUsers(caller());
        act(() -> people.addMember(caller(), memberGroup, memberUser), "member-form", "/users.xhtml");
    }

    public void removeMember() {
        Permissions.requireManageUsers(caller());
        act(() -> people.removeMember(caller(), memberGroup, memberUser), "member-form", "/users.xhtml");
    }

    public void saveUser() {
        Permissions.requireManageUsers(caller());
        act(() -> people.change(caller(), editing, new People.UserChange(editRoles, editGroups, editDisplayName,
                editEmail, editActive)), "edit-form", "/users.xhtml?edit=" + editing);
    }

    public void resetPassword() {
        Permissions.requireManageUsers(caller());
        act(() -> people.resetPassword(caller(), editing, newPassword), "password-form", "/users.xhtml?edit=" + editing);
    }

    /** Runs a change; on success back to {@code next}, else the messages next to the form's fields. */
    private void act(Runnable action, String form, String next) {
        pages.run(() -> {
            action.run();
            return next;
        }, new Pages.Errors(form + ":refusal", e -> form + ":" + fieldId(e.field()), org.paddock.platform.FieldError::reason));
    }

    /** The input a service's field name is shown at on this page. */
    private static String fieldId(String field) {
        return switch (field) {
            case "name" -> "groupName";
            case "description" -> "groupDescription";
            case "username" -> "memberUser";
            case "roles" -> "editRoles";
            case "groups" -> "editGroups";
            case "displayName" -> "editDisplayName";
            case "email" -> "editEmail";
            case "password" -> "newPassword";
            default -> "refusal";
        };
    }

    private User caller() {
        return currentUser.get().orElse(null);
    }

    public void create() {
        // checked again here: a form posted by someone else goes to the 403 page, not into a message
        Permissions.requireManageUsers(currentUser.get().orElse(null));
        pages.run(() -> {
            Set<Role> r = EnumSet.noneOf(Role.class);
            roles.forEach(w -> r.add(Role.valueOf(w.toUpperCase())));
            people.createUser(caller(), username, displayName, email, password, r, new HashSet<>(groups));
            return "/users.xhtml";
        }, Pages.Errors.byField("user-form", null));
    }

    public List<String> getAllRoles() {
        return List.of("maintainer", "policy_editor", "admin", "ci");
    }

    public List<User> getAll() { return all; }
    public List<People.GroupView> getAllGroups() { return allGroups; }
    public String getGroupName() { return groupName; }
    public void setGroupName(String v) { groupName = v; }
    public String getGroupDescription() { return groupDescription; }
    public void setGroupDescription(String v) { groupDescription = v; }
    public String getMemberGroup() { return memberGroup; }
    public void setMemberGroup(String v) { memberGroup = v; }
    public String getMemberUser() { return memberUser; }
    public void setMemberUser(String v) { memberUser = v; }
    public String getEditing() { return editing; }
    public boolean isEditFound() { return editFound; }
    public String getEditDisplayName() { return editDisplayName; }
    public void setEditDisplayName(String v) { editDisplayName = v; }
    public String getEditEmail() { return editEmail; }
    public void setEditEmail(String v) { editEmail = v; }
    public List<String> getEditRoles() { return editRoles; }
    public void setEditRoles(List<String> v) { editRoles = v; }
    public List<String> getEditGroups() { return editGroups; }
    public void setEditGroups(List<String> v) { editGroups = v; }
    public boolean isEditActive() { return editActive; }
    public void setEditActive(boolean v) { editActive = v; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String v) { newPassword = v; }
    public List<org.paddock.platform.AdminChanges.Change> getEditChanges() { return editChanges; }
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
