package org.workrelief.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;

/**
 * Use cases around accounts and towns: what an administrator does to users, what every user does
 * to their own password, and what a sign-in attempt does to the lock-out state. Every change is
 * audited; town administrators act only inside their own town.
 */
@Service
public class AccountService {

    static final String ENTITY_USER = "User";
    static final String ENTITY_TOWN = "Town";
    static final String UNKNOWN_ACTOR = "(unknown user)";

    private static final String TEMPORARY_PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserAccountRepository users;
    private final TownRepository towns;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog auditLog;
    private final LoginLockoutPolicy lockoutPolicy;
    private final Clock clock;
    private final SessionRegistry sessions;
    private final SecureRandom random = new SecureRandom();

    AccountService(UserAccountRepository users, TownRepository towns, PasswordEncoder passwordEncoder,
            AuditLog auditLog, LoginLockoutPolicy lockoutPolicy, Clock clock, SessionRegistry sessions) {
        this.sessions = sessions;
        this.users = users;
        this.towns = towns;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.lockoutPolicy = lockoutPolicy;
        this.clock = clock;
    }

    // --- users, as seen by an administrator -------------------------------------------------

    @Transactional(readOnly = true)
    public Page<UserAccount> findUsers(SignedInUser viewer, String query, Pageable pageable) {
        viewer.require(Role.ADMIN);
        String normalized = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return users.search(viewer.townId(), normalized, pageable);
    }

    @Transactional(readOnly = true)
    public UserAccount getUser(SignedInUser viewer, long id) {
        viewer.require(Role.ADMIN);
        return users.findById(id).filter(user -> viewer.maySee(user.getTownId()))
                .orElseThrow(() -> new NotFoundException(ENTITY_USER, id));
    }

    @Transactional
    public UserAccount createUser(SignedInUser actor, NewUser form) {
        actor.require(Role.ADMIN);
        String username = form.username().trim();
        if (users.existsByUsername(username)) {
            throw new BusinessRuleException("user.username.taken", username);
        }
        PasswordPolicy.check(username, form.password());
        Town town = townAssignableBy(actor, form.townId());
        UserAccount user = users.save(new UserAccount(username, form.displayName(),
                passwordEncoder.encode(form.password()), form.role(), town));
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("USER_CREATED", ENTITY_USER, user.getId())
                .inTown(user.getTownId()).change(null, user.snapshot()));
        return user;
    }

    @Transactional
    public UserAccount updateUser(SignedInUser actor, long id, UserChanges changes) {
        UserAccount user = getUser(actor, id);
        if (user.getVersion() != changes.version()) {
            throw new ObjectOptimisticLockingFailureException(UserAccount.class, id);
        }
        if (user.getId() == actor.id() && (!changes.enabled() || changes.role() != user.getRole()
                || !Objects.equals(changes.townId(), user.getTownId()))) {
            throw new BusinessRuleException("user.cannotDemoteSelf");
        }
        Town town = townAssignableBy(actor, changes.townId());
        UserAccount.UserSnapshot before = user.snapshot();
        user.change(changes.displayName(), changes.role(), town, changes.enabled());
        users.flush();
        signOutEverywhere(user);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of(before.enabled() && !changes.enabled() ? "USER_DISABLED" : "USER_UPDATED",
                ENTITY_USER, user.getId()).inTown(user.getTownId()).change(before, user.snapshot()));
        return user;
    }

    /**
     * Gives the user a new random password (shown once to the administrator, to hand over in
     * person) and lifts a lock-out.
     */
    @Transactional
    public String resetPassword(SignedInUser actor, long id) {
        UserAccount user = getUser(actor, id);
        String temporary = temporaryPassword();
        user.resetPassword(passwordEncoder.encode(temporary));
        signOutEverywhere(user);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("USER_PASSWORD_RESET", ENTITY_USER, user.getId()).inTown(user.getTownId()));
        return temporary;
    }

    public boolean isLocked(UserAccount user) {
        return user.isLockedAt(clock.instant());
    }

    // --- the user's own account ------------------------------------------------------------

    @Transactional
    public void changeOwnPassword(SignedInUser me, PasswordChange change) {
        UserAccount user = users.findById(me.id()).orElseThrow(() -> new NotFoundException(ENTITY_USER, me.id()));
        if (!passwordEncoder.matches(change.currentPassword(), user.getPasswordHash())) {
            throw new BusinessRuleException("password.currentWrong");
        }
        if (!change.newPassword().equals(change.confirmPassword())) {
            throw new BusinessRuleException("password.mismatch");
        }
        PasswordPolicy.check(user.getUsername(), change.newPassword());
        user.changePassword(passwordEncoder.encode(change.newPassword()));
        auditLog.recordAs(me.getUsername(), AuditEvent.of("USER_PASSWORD_CHANGED", ENTITY_USER, user.getId()).inTown(user.getTownId()));
    }

    // --- sign-in ----------------------------------------------------------------------------

    /** Counts a failed sign-in under the typed name (which may not exist) and audits it. */
    @Transactional
    public void recordFailedLogin(String typedUsername, String reason) {
        String name = typedUsername == null ? "" : typedUsername.trim();
        Long userId = null;
        Long townId = null;
        boolean lockedNow = false;
        var found = users.findByUsername(name);
        if (found.isPresent()) {
            UserAccount user = found.get();
            boolean wasLocked = user.isLockedAt(clock.instant());
            user.recordFailedLogin(clock.instant(), lockoutPolicy);
            lockedNow = !wasLocked && user.isLockedAt(clock.instant());
            userId = user.getId();
            townId = user.getTownId();
        }
        // an unknown name is not written down: it may be a password or an ID number typed into the wrong box
        auditLog.recordAs(userId == null ? UNKNOWN_ACTOR : found.get().getUsername(),
                AuditEvent.of("LOGIN_FAILED", ENTITY_USER, userId).inTown(townId).detail(reason));
        if (lockedNow) {
            auditLog.recordAs(name, AuditEvent.of("USER_LOCKED", ENTITY_USER, userId).inTown(townId));
        }
    }

    @Transactional
    public void recordSuccessfulLogin(String username) {
        users.findByUsername(username).ifPresent(user -> {
            user.recordSuccessfulLogin(clock.instant());
            auditLog.recordAs(user.getUsername(),
                    AuditEvent.of("LOGIN_SUCCEEDED", ENTITY_USER, user.getId()).inTown(user.getTownId()));
        });
    }

    @Transactional(readOnly = true)
    public boolean hasAnyUser() {
        return users.count() > 0;
    }

    // --- towns ------------------------------------------------------------------------------

    /** Towns the viewer may pick: all for a county-level user, else only their own. */
    @Transactional(readOnly = true)
    public List<Town> townsVisibleTo(SignedInUser viewer) {
        return towns.findAllByOrderByCode().stream().filter(town -> viewer.maySee(town.getId())).toList();
    }

    @Transactional(readOnly = true)
    public Town getTown(SignedInUser viewer, long id) {
        return towns.findById(id).filter(town -> viewer.maySee(town.getId()))
                .orElseThrow(() -> new NotFoundException(ENTITY_TOWN, id));
    }

    /** Only a county-level administrator creates towns. */
    @Transactional
    public Town createTown(SignedInUser actor, NewTown form) {
        actor.require(Role.ADMIN);
        if (!actor.isCountyLevel()) {
            throw new AccessDeniedException("only county-level administrators create towns");
        }
        if (towns.existsByCodeIgnoreCase(form.code().trim())) {
            throw new BusinessRuleException("town.code.taken", form.code().trim());
        }
        if (towns.existsByName(form.name().trim())) {
            throw new BusinessRuleException("town.name.taken", form.name().trim());
        }
        Town town = towns.save(new Town(form.code(), form.name()));
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("TOWN_CREATED", ENTITY_TOWN, town.getId())
                .inTown(town.getId()).change(null, Map.of("code", town.getCode(), "name", town.getName())));
        return town;
    }

    // --- start-up ---------------------------------------------------------------------------

    /** Creates an account without a signed-in actor: the first administrator and the demo accounts. */
    @Transactional
    public UserAccount createInitialUser(String username, String displayName, String password, Role role,
            Long townId) {
        if (users.existsByUsername(username)) {
            throw new BusinessRuleException("user.username.taken", username);
        }
        PasswordPolicy.check(username, password);
        Town town = townId == null ? null
                : towns.findById(townId).orElseThrow(() -> new NotFoundException(ENTITY_TOWN, townId));
        UserAccount user = users.save(new UserAccount(username, displayName, passwordEncoder.encode(password),
                role, town));
        auditLog.record(AuditEvent.of("USER_CREATED", ENTITY_USER, user.getId()).inTown(user.getTownId())
                .change(null, user.snapshot()));
        return user;
    }

    /** Creates a town without a signed-in actor (demo data). */
    @Transactional
    public Town createInitialTown(String code, String name) {
        Town town = towns.save(new Town(code, name));
        auditLog.record(AuditEvent.of("TOWN_CREATED", ENTITY_TOWN, town.getId()).inTown(town.getId()));
        return town;
    }

    /** The enabled users of a town with a role (for example the supervisors who may sit on a project's committee). */
    @Transactional(readOnly = true)
    public List<UserAccount> activeUsers(long townId, Role role) {
        return users.findActive(townId, role);
    }

    /** The principal of an existing account, for work done on its behalf without a web session (demo data, jobs). */
    @Transactional(readOnly = true)
    public SignedInUser principalOf(String username) {
        UserAccount user = users.findByUsername(username).orElseThrow(() -> new NotFoundException(ENTITY_USER, username));
        return new SignedInUser(user, false);
    }

    // --- helpers ----------------------------------------------------------------------------

    private Town townAssignableBy(SignedInUser actor, Long townId) {
        if (townId == null) {
            if (!actor.isCountyLevel()) {
                throw new BusinessRuleException("user.town.required");
            }
            return null;
        }
        if (!actor.maySee(townId)) {
            throw new BusinessRuleException("user.town.notYours");
        }
        return towns.findById(townId).orElseThrow(() -> new BusinessRuleException("user.town.unknown"));
    }

    /**
     * Ends the user's open sessions: a session keeps the role and town of its sign-in, so after a
     * change (or a password reset) the user must sign in again to get what they now may see.
     */
    private void signOutEverywhere(UserAccount user) {
        sessions.getAllSessions(new SignedInUser(user, false), false).forEach(SessionInformation::expireNow);
    }

    private String temporaryPassword() {
        StringBuilder password = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            password.append(TEMPORARY_PASSWORD_ALPHABET.charAt(random.nextInt(TEMPORARY_PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
