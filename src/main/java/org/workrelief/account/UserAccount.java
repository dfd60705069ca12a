package org.workrelief.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.workrelief.common.BaseEntity;
import org.workrelief.common.FailedAttempts;

/**
 * A person who signs in: a role, and a town (or none: county level, sees all towns). Holds the
 * lock-out state so that it is shared by every application instance.
 */
@Entity
@Table(name = "app_user")
public class UserAccount extends BaseEntity {

    private String username;

    private String displayName;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "town_id")
    private Town town;

    private boolean enabled = true;

    private int failedLoginCount;

    @Column(name = "failed_login_window_start")
    private Instant failedLoginWindowStart;

    private Instant lockedUntil;

    private Instant lastLoginAt;

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String passwordHash, Role role, Town town) {
        this.username = username.trim();
        this.displayName = displayName.trim();
        this.passwordHash = passwordHash;
        this.role = role;
        this.town = town;
    }

    public boolean isLockedAt(Instant now) {
        return attempts().isLockedAt(now);
    }

    /**
     * Counts a wrong password. Failures older than the policy's window start a new count; the
     * last allowed failure locks the account. While locked, further attempts do not extend the lock.
     */
    void recordFailedLogin(Instant now, LoginLockoutPolicy policy) {
        if (isLockedAt(now)) {
            return;
        }
        FailedAttempts next = attempts().afterFailure(now, policy);
        failedLoginCount = next.count();
        failedLoginWindowStart = next.windowStart();
        lockedUntil = next.lockedUntil();
    }

    private FailedAttempts attempts() {
        return new FailedAttempts(failedLoginCount, failedLoginWindowStart, lockedUntil);
    }

    void recordSuccessfulLogin(Instant now) {
        failedLoginCount = 0;
        failedLoginWindowStart = null;
        lockedUntil = null;
        lastLoginAt = now;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    /** An administrator's unlock comes with a new password: the old one may be what was guessed. */
    void resetPassword(String newHash) {
        this.passwordHash = newHash;
        this.lockedUntil = null;
        this.failedLoginCount = 0;
        this.failedLoginWindowStart = null;
    }

    void change(String newDisplayName, Role newRole, Town newTown, boolean newEnabled) {
        this.displayName = newDisplayName.trim();
        this.role = newRole;
        this.town = newTown;
        this.enabled = newEnabled;
    }

    /** The fields an audit record shows; never the password hash. */
    UserSnapshot snapshot() {
        return new UserSnapshot(username, displayName, role, town == null ? null : town.getName(), enabled);
    }

    record UserSnapshot(String username, String displayName, Role role, String town, boolean enabled) {
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    /** The message key naming this account's role (县级管理员 for an administrator without a town). */
    public String getRoleKey() {
        return Role.labelKey(role, town == null);
    }

    public Town getTown() {
        return town;
    }

    public Long getTownId() {
        return town == null ? null : town.getId();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    int getFailedLoginCount() {
        return failedLoginCount;
    }
}
