package org.workrelief.worker;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.workrelief.common.BaseEntity;
import org.workrelief.common.FailedAttempts;

/**
 * A worker's personal PIN (确认码): only its slow password hash, never the digits, and the wrong-PIN
 * lock-out state, shared by every application instance. No getter gives the hash out of this package,
 * and nothing that reads or exports workers reads this table.
 */
@Entity
@Table(name = "worker_pin")
class WorkerPin extends BaseEntity {

    private Long workerId;
    private String pinHash;
    private Instant pinSetAt;
    private int failedCount;
    private Instant failedWindowStart;
    private Instant lockedUntil;
    private Instant resetAt;
    private String resetBy;

    protected WorkerPin() {
    }

    WorkerPin(long workerId) {
        this.workerId = workerId;
    }

    boolean isSet() {
        return pinHash != null;
    }

    boolean isLockedAt(Instant now) {
        return attempts().isLockedAt(now);
    }

    /** A new PIN (its hash): usable at once, with no failures counted and no lock. */
    void set(String hash, Instant now) {
        this.pinHash = hash;
        this.pinSetAt = now;
        clearFailures();
    }

    /**
     * Counts a wrong PIN. The count starts again once {@code window} has passed since its first
     * failure; the failure that reaches {@code maxFailures} locks the PIN for {@code lockDuration}.
     * Answers whether this failure locked it.
     */
    boolean recordFailure(Instant now, PinLockoutPolicy policy) {
        boolean wasLocked = isLockedAt(now);
        FailedAttempts next = attempts().afterFailure(now, policy);
        failedCount = next.count();
        failedWindowStart = next.windowStart();
        lockedUntil = next.lockedUntil();
        return !wasLocked && isLockedAt(now);
    }

    private FailedAttempts attempts() {
        return new FailedAttempts(failedCount, failedWindowStart, lockedUntil);
    }

    /** The right PIN: what went wrong before no longer counts. */
    void recordSuccess() {
        clearFailures();
    }

    /** An administrator's reset: no usable PIN until the worker sets a new one; the lock ends with it. */
    void reset(String by, Instant now) {
        this.pinHash = null;
        this.pinSetAt = null;
        this.resetAt = now;
        this.resetBy = by;
        clearFailures();
    }

    private void clearFailures() {
        this.failedCount = 0;
        this.failedWindowStart = null;
        this.lockedUntil = null;
    }

    Long getWorkerId() { return workerId; }
    String getPinHash() { return pinHash; }
    Instant getPinSetAt() { return pinSetAt; }
    int getFailedCount() { return failedCount; }
    Instant getLockedUntil() { return lockedUntil; }
    Instant getResetAt() { return resetAt; }
}
