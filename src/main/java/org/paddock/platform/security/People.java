package org.paddock.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.paddock.platform.AdminChanges;
import org.paddock.platform.AdminChanges.Kind;
import org.paddock.platform.ConflictException;
import org.paddock.platform.FieldError;
import org.paddock.platform.ForbiddenException;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;
import org.paddock.platform.Words;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What admins do to groups and people: create groups and change who is in them, change a user's roles, groups,
 * name, e-mail and whether they may sign in, reset a password. Every change is checked with {@link Permissions},
 * recorded in {@link AdminChanges} in its own transaction, and all of a request is stored or none of it.
 */
@ApplicationScoped
public class People {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(People.class.getName());

    private static final Pattern GROUP_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    AdminChanges changes;

    @Inject
    Clock clock;

    /** A group as pages and the API show it: its members' user names and the streams it owns as {@code release/name:stream}. */
    public record GroupView(String name, String description, List<String> members, List<String> streams) {
    }

    /** A user as pages and the API show it (never the password hash). */
    /** {@code signIn}: {@code provider} for an account of the OpenID Connect provider, else {@code password}. */
    public record UserView(String username, String displayName, String email, boolean active, List<String> roles,
                           List<String> groups, String signIn) {
    }

    /** The changes a PATCH asks for; a null field stays as it is. */
    public record UserChange(Collection<String> roles, Collection<String> groups, String displayName, String email,
                             Boolean active) {
    }

    // --- groups ------------------------------------------------------------------------------------------

    @Transactional
    public GroupView createGroup(User by, String name, String description) {
        Permissions.requireManageUsers(by);
        String n = name == null ? "" : name.strip();
        List<FieldError> errors = new ArrayList<>();
        if (!GROUP_NAME.matcher(n).matches()) {
            errors.add(new FieldError("name", "must start with a lower-case letter and hold only a-z, 0-9, _ and - "
                    + "(at most 64 characters), e.g. httpd-maintainers"));
        } else if (accounts.groupByName(n).isPresent()) {
            errors.add(new FieldError("name", "there is a group '" + n + "' already"));
        }
        String d = description(description, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Group g = new Group(n, d);
        em.persist(g);
        Instant now = clock.instant();
        changes.record(by.getId(), now, Kind.GROUP, n, "name", null, n);
        changes.record(by.getId(), now, Kind.GROUP, n, "description", null, d.isEmpty() ? null : d);
        return view(g);
    }

    @Transactional
    public GroupView describeGroup(User by, String name, String description) {
        Permissions.requireManageUsers(by);
        Group g = group(name);
        List<FieldError> errors = new ArrayList<>();
        String d = description(description, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        changes.record(by.getId(), clock.instant(), Kind.GROUP, g.getName(), "description", g.getDescription(), d);
        g.describe(d);
        return view(g);
    }

    @Transactional
    public GroupView addMember(User by, String groupName, String username) {
        Permissions.requireManageUsers(by);
        Group g = group(groupName);
        User u = member(username);
        if (!u.isMemberOf(g)) {
            String before = groupsOf(u);
            u.join(g);
            Instant now = clock.instant();
            changes.record(by.getId(), now, Kind.GROUP, g.getName(), "member", null, u.getUsername());
            changes.record(by.getId(), now, Kind.USER, u.getUsername(), "groups", before, groupsOf(u));
        }
        return view(g);
    }

    @Transactional
    public GroupView removeMember(User by, String groupName, String username) {
        Permissions.requireManageUsers(by);
        Group g = group(groupName);
        User u = accounts.byUsername(username).orElseThrow(() -> new NotFoundException("there is no user '" + username + "'"));
        if (u.isMemberOf(g)) {
            String before = groupsOf(u);
            u.leave(g);
            Instant now = clock.instant();
            changes.record(by.getId(), now, Kind.GROUP, g.getName(), "member", u.getUsername(), null);
            changes.record(by.getId(), now, Kind.USER, u.getUsername(), "groups", before, groupsOf(u));
        }
        return view(g);
    }

    public List<GroupView> groups(User by) {
        Permissions.requireManageUsers(by);
        return accounts.allGroups().stream().map(this::view).toList();
    }

    public GroupView group(User by, String name) {
        Permissions.requireManageUsers(by);
        return view(group(name));
    }

    // --- people ------------------------------------------------------------------------------------------

    /** An admin creates a user ({@link Accounts#createUser} checks the input); recorded as the user's first changes. */
    @Transactional
    public UserView createUser(User by, String username, String displayName, String email, String password,
                               Set<Role> roles, Set<String> groupNames) {
        Permissions.requireManageUsers(by);
        User u = accounts.createUser(username, displayName, email, password, roles, groupNames);
        Instant now = clock.instant();
        changes.record(by.getId(), now, Kind.USER, u.getUsername(), "username", null, u.getUsername());
        changes.record(by.getId(), now, Kind.USER, u.getUsername(), "roles", null, rolesOf(u));
        changes.record(by.getId(), now, Kind.USER, u.getUsername(), "groups", null, groupsOf(u));
        for (Group g : u.getGroups()) {
            changes.record(by.getId(), now, Kind.GROUP, g.getName(), "member", null, u.getUsername());
        }
        return view(u);
    }

    /**
     * A person the OpenID Connect provider vouched for: their account, found by the provider's subject, or made at
     * their first sign-in (with no local password). Their groups follow the provider's groups claim at every
     * sign-in: the claim's groups that Paddock has, and no others (those it does not have are ignored and logged);
     * someone in a group is a maintainer; their name and address follow the provider's too. Their other roles are Paddock's admins' to give. Refused: a disabled
     * account, a local account of the same name (never taken over by the provider), a person without a usable name.
     * Changes are recorded as made by Paddock itself.
     */
    @Transactional
    public User signInFromProvider(OidcIdentity who) {
        User u = em.createQuery("select u from PaddockUser u where u.oidcSubject = :s", User.class)
                .setParameter("s", who.subject()).getResultStream().findFirst().orElse(null);
        Instant now = clock.instant();
        if (u == null) {
            String username = who.username().orElseThrow(() -> new ForbiddenException("The provider gave no user name "
                    + "Paddock can use (preferred_username or subject: a lower-case letter, then a-z, 0-9, . _ -)"));
            if (accounts.byUsername(username).isPresent()) {
                throw new ForbiddenException("Paddock has a local account '" + username + "' already, which is not "
                        + "linked to the provider: sign in with its password, or ask an admin");
            }
            u = User.ofProvider(who.subject(), username, who.displayName(username), who.emailAddress(), now);
            em.persist(u);
            changes.record(null, now, Kind.USER, username, "username", null, username);
            LOG.info(() -> "Created the account '" + username + "' at its first sign-in with the OpenID Connect provider");
        }
        if (!u.isActive()) {
            throw new ForbiddenException("Your Paddock account '" + u.getUsername() + "' is disabled: ask an admin");
        }
        String displayName = who.displayName(u.getUsername());
        if (!displayName.equals(u.getDisplayName())) {
            changes.record(null, now, Kind.USER, u.getUsername(), "displayName", u.getDisplayName(), displayName);
            u.rename(displayName);
        }
        String email = who.emailAddress();
        if (!email.isEmpty() && !email.equals(u.getEmail())) {
            changes.record(null, now, Kind.USER, u.getUsername(), "email", u.getEmail(), email);
            u.changeEmail(email);
        }
        Set<String> known = new HashSet<>(accounts.allGroups().stream().map(Group::getName).toList());
        OidcIdentity.GroupMapping mapping = who.mapGroups(known);
        if (!mapping.ignored().isEmpty()) {
            String name = u.getUsername();
            LOG.info(() -> "Groups of '" + name + "' in the provider's claim that Paddock does not have, ignored: "
                    + String.join(", ", mapping.ignored()));
        }
        Set<Group> groups = new HashSet<>();
        mapping.groups().forEach(g -> accounts.groupByName(g).ifPresent(groups::add));
        String subject = u.getUsername();
        for (Group g : u.getGroups()) {
            if (!groups.contains(g)) {
                changes.record(null, now, Kind.GROUP, g.getName(), "member", subject, null);
            }
        }
        for (Group g : groups) {
            if (!u.isMemberOf(g)) {
                changes.record(null, now, Kind.GROUP, g.getName(), "member", null, subject);
            }
        }
        String groupsBefore = groupsOf(u);
        u.changeGroups(groups);
        changes.record(null, now, Kind.USER, subject, "groups", groupsBefore, groupsOf(u));
        Set<Role> roles = u.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.getRoles());
        if (groups.isEmpty()) {
            roles.remove(Role.MAINTAINER);
        } else {
            roles.add(Role.MAINTAINER);
        }
        changes.record(null, now, Kind.USER, subject, "roles", rolesOf(u), words(roles));
        u.changeRoles(roles);
        return u;
    }

    public UserView user(User by, String username) {
        Permissions.requireManageUsers(by);
        return view(user(username));
    }

    public List<UserView> users(User by) {
        Permissions.requireManageUsers(by);
        return accounts.allUsers().stream().map(People::view).toList();
    }

    /** Changes what {@code change} names; an admin may not disable themself nor take away their own admin role. */
    @Transactional
    public UserView change(User by, String username, UserChange change) {
        Permissions.requireManageUsers(by);
        User u = user(username);
        List<FieldError> errors = new ArrayList<>();
        Set<Role> roles = null;
        if (change.roles() != null) {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String w : change.roles()) {
                Role r = FieldError.collect(errors, "roles", () -> Words.parse(Role.class, w, "a role"));
                if (r != null) {
                    parsed.add(r);
                }
            }
            roles = parsed;
        }
        Set<Group> groups = null;
        if (change.groups() != null) {
            groups = new HashSet<>();
            for (String name : change.groups()) {
                var g = name == null ? java.util.Optional.<Group>empty() : accounts.groupByName(name.strip());
                if (g.isPresent()) {
                    groups.add(g.get());
                } else {
                    errors.add(new FieldError("groups", "there is no group '" + name + "'"));
                }
            }
        }
        String displayName = null;
        if (change.displayName() != null) {
            displayName = change.displayName().strip();
            if (displayName.isEmpty() || displayName.length() > 200) {
                errors.add(new FieldError("displayName", "must be 1 to 200 characters"));
            }
        }
        String email = null;
        if (change.email() != null) {
            email = change.email().strip();
            if (!email.isEmpty() && (email.length() > 200 || !Accounts.isEmail(email))) {
                errors.add(new FieldError("email", "'" + email + "' is not an e-mail address"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean self = u.equals(by);
        if (self && Boolean.FALSE.equals(change.active())) {
            throw new ConflictException(by.getUsername() + " may not disable themself: ask another admin");
        }
        if (self && roles != null && !roles.contains(Role.ADMIN)) {
            throw new ConflictException(by.getUsername() + " may not take away their own admin role: ask another admin");
        }
        Instant now = clock.instant();
        String subject = u.getUsername();
        if (roles != null) {
            changes.record(by.getId(), now, Kind.USER, subject, "roles", rolesOf(u), words(roles));
            u.changeRoles(roles);
        }
        if (groups != null) {
            String before = groupsOf(u);
            Set<Group> old = new HashSet<>(u.getGroups());
            u.changeGroups(groups);
            changes.record(by.getId(), now, Kind.USER, subject, "groups", before, groupsOf(u));
            for (Group g : old) {
                if (!groups.contains(g)) {
                    changes.record(by.getId(), now, Kind.GROUP, g.getName(), "member", subject, null);
                }
            }
            for (Group g : groups) {
                if (!old.contains(g)) {
                    changes.record(by.getId(), now, Kind.GROUP, g.getName(), "member", null, subject);
                }
            }
        }
        if (displayName != null) {
            changes.record(by.getId(), now, Kind.USER, subject, "displayName", u.getDisplayName(), displayName);
            u.rename(displayName);
        }
        if (email != null) {
            changes.record(by.getId(), now, Kind.USER, subject, "email", u.getEmail(), email);
            u.changeEmail(email);
        }
        if (change.active() != null && change.active() != u.isActive()) {
            changes.record(by.getId(), now, Kind.USER, subject, "active", String.valueOf(u.isActive()),
                    String.valueOf(change.active()));
            if (change.active()) {
                u.activate();
            } else {
                u.deactivate();
            }
        }
        return view(u);
    }

    /** An admin sets a new password for someone (who signs in with it and may change it on their account page). */
    @Transactional
    public void resetPassword(User by, String username, String password) {
        Permissions.requireManageUsers(by);
        User u = user(username);
        u.changePassword(accounts.hashNewPassword(password));
        changes.record(by.getId(), clock.instant(), Kind.USER, u.getUsername(), "password", null, "reset");
    }

    public List<AdminChanges.Change> changesOfUser(User by, String username) {
        Permissions.requireManageUsers(by);
        return changes.of(Kind.USER, user(username).getUsername());
    }

    public List<AdminChanges.Change> changesOfGroup(User by, String name) {
        Permissions.requireManageUsers(by);
        return changes.of(Kind.GROUP, group(name).getName());
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private Group group(String name) {
        return accounts.groupByName(name == null ? "" : name.strip())
                .orElseThrow(() -> new NotFoundException("there is no group '" + name + "'"));
    }

    private User user(String username) {
        return accounts.byUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new NotFoundException("there is no user '" + username + "'"));
    }

    /** The user to add to a group: an unknown one is a wrong field of the request (422), not a missing page. */
    private User member(String username) {
        return accounts.byUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new InvalidInputException("username", "there is no user '" + username + "'"));
    }

    private static String description(String description, List<FieldError> errors) {
        String d = description == null ? "" : description.strip();
        if (d.length() > 200) {
            errors.add(new FieldError("description", "must be at most 200 characters, not " + d.length()));
        }
        return d;
    }

    private GroupView view(Group g) {
        List<String> members = em.createQuery("select u.username from PaddockUser u join u.groups g where g = :g "
                + "order by u.username", String.class).setParameter("g", g).getResultList();
        // module streams belong to the release feature, above platform: read them as rows, not as its entities
        @SuppressWarnings("unchecked")
        List<String> streams = em.createNativeQuery("""
                        select r.name || '/' || s.name || ':' || s.stream from module_stream s
                        join release r on r.id = s.release_id where s.owner_group_id = ?
                        order by r.name, s.name, s.stream""").setParameter(1, g.getId()).getResultList();
        return new GroupView(g.getName(), g.getDescription(), members, streams);
    }

    static UserView view(User u) {
        return new UserView(u.getUsername(), u.getDisplayName(), u.getEmail(), u.isActive(),
                u.getRoles().stream().map(Role::word).sorted().toList(),
                u.getGroups().stream().map(Group::getName).sorted().toList(),
                u.oidcSubject().isPresent() ? "provider" : "password");
    }

    private static String rolesOf(User u) {
        return words(u.getRoles());
    }

    private static String words(Set<Role> roles) {
        return roles.isEmpty() ? null : String.join(", ", roles.stream().map(Role::word).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    private static String groupsOf(User u) {
        return u.getGroups().isEmpty() ? null : String.join(", ", u.getGroups().stream().map(Group::getName).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }
}
