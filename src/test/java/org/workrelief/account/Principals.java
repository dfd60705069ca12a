package org.workrelief.account;

/** Test access to the principal of an account, as a sign-in would build it. */
public final class Principals {

    private Principals() {
    }

    public static SignedInUser of(UserAccount account) {
        return new SignedInUser(account, false);
    }
}
