package org.workrelief.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.Town;
import org.workrelief.account.UserAccount;

/**
 * Creates towns and users with names unique within the test run, so tests sharing one database
 * never collide and need no clean-up (the audit log cannot be cleaned anyway).
 */
public final class Fixtures {

    public static final String PASSWORD = "correct-horse-42";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AccountService accounts;

    public Fixtures(AccountService accounts) {
        this.accounts = accounts;
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    public Town town() {
        String code = unique("T");
        return accounts.createInitialTown(code, "测试镇" + code);
    }

    public UserAccount user(Role role, Town town) {
        return accounts.createInitialUser(unique(role.name().toLowerCase()), "测试" + role.name(), PASSWORD, role,
                town == null ? null : town.getId());
    }
}
