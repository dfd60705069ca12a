package org.workrelief.account;

import org.workrelief.common.BusinessRuleException;

/** A password has at least 10 characters (at most 128) and is not the user name. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new BusinessRuleException("password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new BusinessRuleException("password.tooLong", MAX_LENGTH);
        }
        if (password.trim().equalsIgnoreCase(username == null ? "" : username.trim())) {
            throw new BusinessRuleException("password.equalsUsername");
        }
    }
}
