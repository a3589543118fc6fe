package org.paddock.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import org.paddock.platform.FieldError;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.NotFoundException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Users, groups and API tokens: checking passwords and tokens, creating users, issuing and revoking tokens. */
@ApplicationScoped
public class Accounts {

    static final int MIN_PASSWORD = 8;
    /** What a user name may be: a lower-case letter, then up to 63 of a-z, 0-9, '.', '_', '-'. */
    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    @PersistenceContext(unitName = "paddock")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hasher;

    @Inject
    Clock clock;

    @PostConstruct
    void configureHasher() {
        hasher.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "60000",
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16"));
    }

    public Optional<User> byUsername(String username) {
        return em.createQuery("select u from PaddockUser u where u.username = :n", User.class)
                .setParameter("n", username).getResultStream().findFirst();
    }

    public Optional<Group> groupByName(String name) {
        return em.createQuery("select g from PaddockGroup g where g.name = :n", Group.class)
                .setParameter("n", name).getResultStream().findFirst();
    }

    /** The active user with this name and password. */
    public Optional<User> checkPassword(String username, String password) {
        // a name no user can have is looked up nowhere: a NUL or a megabyte of text never reaches the database
        if (username == null || password == null || !USERNAME.matcher(username.strip()).matches()) {
            return Optional.empty();
        }
        return byUsername(username.strip()).filter(User::isActive)
                .filter(u -> hasPassword(u, password));
    }

    /** The stored form of a new password, or a refusal when it is too short. */
    String hashNewPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "must be at least " + MIN_PASSWORD + " characters");
        }
        return hasher.generate(password.toCharArray());
    }

    public boolean hasPassword(User user, String password) {
        // an account of the OpenID Connect provider has no local password: nothing matches it
        return user.passwordHash().filter(h -> hasher.verify(password.toCharArray(), h)).isPresent();
    }

    /** The owner of a usable token; notes when it was last used. */
    @Transactional
    public Optional<User> checkToken(String secret) {
        if (secret == null || !secret.startsWith(ApiToken.PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> token = em.createQuery("select t from ApiToken t where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", ApiToken.hash(secret.strip())).getResultStream().findFirst()
                .filter(ApiToken::isUsable);
        token.ifPresent(t -> t.used(clock.instant()));
        return token.map(ApiToken::getUser);
    }

    /** What Paddock takes for an e-mail address: something@somewhere, no spaces. */
    static boolean isEmail(String s) {
        return s.matches("[^@\\s]+@[^@\\s]+");
    }

    @Transactional
    public User createUser(String username, String displayName, String email, String password, Set<Role> roles,
                           Set<String> groupNames) {
        List<FieldError> errors = new ArrayList<>();
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            errors.add(new FieldError("username", "must start with a lower-case letter and hold only a-z, 0-9, . _ - "
                    + "(at most 64 characters)"));
        } else if (byUsername(name).isPresent()) {
            errors.add(new FieldError("username", "'" + name + "' is taken"));
        }
        if (displayName == null || displayName.isBlank()) {
            errors.add(new FieldError("displayName", "is required"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD + " characters"));
        }
        if (email != null && !email.isBlank() && !isEmail(email)) {
            errors.add(new FieldError("email", "'" + email + "' is not an e-mail address"));
        }
        Set<Group> groups = new java.util.HashSet<>();
        for (String g : groupNames) {
            groupByName(g).ifPresentOrElse(groups::add,
                    () -> errors.add(new FieldError("groups", "there is no group '" + g + "'")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User user = new User(name, displayName.strip(), email, hasher.generate(password.toCharArray()), roles, groups,
                clock.instant());
        em.persist(user);
        return user;
    }

    @Transactional
    public Group createGroup(String name, String description) {
        Group g = new Group(name, description);
        em.persist(g);
        return g;
    }

    @Transactional
    public ApiToken.Issued issueToken(User owner, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InvalidInputException("name", "a token needs a name of 1 to 100 characters, e.g. 'ci-runner'");
        }
        ApiToken.Issued issued = ApiToken.issue(em.merge(owner), n, clock.instant());
        em.persist(issued.token());
        return issued;
    }

    public List<ApiToken> tokensOf(User owner) {
        return em.createQuery("select t from ApiToken t where t.user = :u order by t.createdAt desc, t.id desc",
                ApiToken.class).setParameter("u", owner).getResultList();
    }

    /** Revokes one of the owner's tokens; an admin may revoke anyone's. */
    @Transactional
    public void revokeToken(User caller, long tokenId) {
        ApiToken t = em.find(ApiToken.class, tokenId);
        if (t == null || !Permissions.mayRevokeToken(caller, t.getUser())) {
            throw new NotFoundException("there is no token " + tokenId + " of yours");
        }
        t.revoke(clock.instant());
    }

    public List<User> allUsers() {
        return em.createQuery("select u from PaddockUser u order by u.username", User.class).getResultList();
    }

    public List<Group> allGroups() {
        return em.createQuery("select g from PaddockGroup g order by g.name", Group.class).getResultList();
    }
}
