package org.workrelief.account;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the principal for sign-in. A locked or disabled account is refused only after its password
 * matched (SecurityConfiguration#authenticationProvider), so a wrong password answers alike for every name.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final Clock clock;

    AccountUserDetailsService(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new SignedInUser(account, account.isLockedAt(clock.instant()));
    }
}
