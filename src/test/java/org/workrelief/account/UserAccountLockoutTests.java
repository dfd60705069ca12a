package org.workrelief.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class UserAccountLockoutTests {

    private static final LoginLockoutPolicy POLICY = LoginLockoutPolicy.DEFAULT;
    private static final Instant T0 = Instant.parse("2025-06-03T01:00:00Z");

    private final UserAccount account = new UserAccount("zhang.san", "张三", "{noop}x", Role.STAFF, null);

    @Test
    void fiveWrongPasswordsWithinFifteenMinutesLockTheAccountForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(T0.plus(Duration.ofMinutes(3L * i)), POLICY);
        }
        Instant lockedAt = T0.plus(Duration.ofMinutes(12));
        assertThat(account.isLockedAt(lockedAt)).isTrue();
        assertThat(account.isLockedAt(lockedAt.plus(Duration.ofMinutes(15)).minusSeconds(1))).isTrue();
        assertThat(account.isLockedAt(lockedAt.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void fourWrongPasswordsDoNotLock() {
        for (int i = 0; i < 4; i++) {
            account.recordFailedLogin(T0.plusSeconds(i), POLICY);
        }
        assertThat(account.isLockedAt(T0.plusSeconds(5))).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
        for (int i = 0; i < 4; i++) {
            account.recordFailedLogin(T0.plus(Duration.ofMinutes(i)), POLICY);
        }
        // the fifth comes after the window of the first: a new count starts
        account.recordFailedLogin(T0.plus(Duration.ofMinutes(15)), POLICY);
        assertThat(account.isLockedAt(T0.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            account.recordFailedLogin(T0.plusSeconds(i), POLICY);
        }
        account.recordSuccessfulLogin(T0.plusSeconds(10));
        account.recordFailedLogin(T0.plusSeconds(11), POLICY);
        assertThat(account.isLockedAt(T0.plusSeconds(12))).isFalse();
        assertThat(account.getLastLoginAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void attemptsDuringTheLockDoNotExtendIt() {
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(T0, POLICY);
        }
        account.recordFailedLogin(T0.plus(Duration.ofMinutes(14)), POLICY);
        assertThat(account.getLockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aPasswordResetLiftsTheLock() {
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(T0, POLICY);
        }
        account.resetPassword("{noop}new");
        assertThat(account.isLockedAt(T0.plusSeconds(1))).isFalse();
    }
}
