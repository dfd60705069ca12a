package org.workrelief.account;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in session: who they are, their role and their town. Every module asks
 * it whether a record's town may be shown ({@link #maySee(Long)}); county-level users (no town) see all.
 */
public final class SignedInUser implements UserDetails, org.springframework.security.core.CredentialsContainer {

    /**
     * The principal is serialized into the session row (spring_session_attributes) and read back by
     * any instance, possibly one of the next release during a rolling update: a fixed number keeps
     * those sessions readable as long as the fields stay compatible. Change it when they do not.
     */
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private transient String passwordHash;
    private final Role role;
    private final Long townId;
    private final String townName;
    private final boolean enabled;
    private final boolean locked;

    SignedInUser(UserAccount account, boolean locked) {
        this.id = account.getId();
        this.username = account.getUsername();
        this.displayName = account.getDisplayName();
        this.passwordHash = account.getPasswordHash();
        this.role = account.getRole();
        this.townId = account.getTownId();
        this.townName = account.getTown() == null ? null : account.getTown().getName();
        this.enabled = account.isEnabled();
        this.locked = locked;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The message key naming the role as shown: a county-level administrator is the county's, not a town's. */
    public String roleKey() {
        return Role.labelKey(role, townId == null);
    }

    /**
     * The one role check of the services: refuses (403, "access denied") a user who has none of these
     * roles. Where a page already hides what the role may not do, this is the rule behind it.
     */
    public void require(Role... allowed) {
        for (Role candidate : allowed) {
            if (role == candidate) {
                return;
            }
        }
        throw new org.springframework.security.access.AccessDeniedException(
                "not allowed for " + role + " (needs " + java.util.Arrays.toString(allowed) + ")");
    }

    public boolean hasRole(Role expected) {
        return role == expected;
    }

    /** The user's town, or null for a county-level user. */
    public Long townId() {
        return townId;
    }

    public String townName() {
        return townName;
    }

    public boolean isCountyLevel() {
        return townId == null;
    }

    /** Whether data belonging to {@code recordTownId} may be shown to this user. */
    public boolean maySee(Long recordTownId) {
        return isCountyLevel() || Objects.equals(townId, recordTownId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The hash is needed only while signing in; it is not kept in the session. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", " + role + ", town=" + townId + "]";
    }
}
