package org.workrelief.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a database without any account, creates the county-level administrator {@code admin}. Its
 * password comes from {@code WORKRELIEF_ADMIN_PASSWORD}, or is generated and printed once to the
 * log. Runs after the demo data (which brings its own accounts on the embedded database only), so
 * a deployment on a real server never has a known password.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountService accounts;
    private final String configuredPassword;

    FirstAdministrator(AccountService accounts, @Value("${WORKRELIEF_ADMIN_PASSWORD:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.hasAnyUser()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        accounts.createInitialUser(USERNAME, "系统管理员", password, Role.ADMIN, null);
        if (generated) {
            log.warn("""

                    ================================================================
                    First administrator created: user '{}', password '{}'
                    It is shown only this once: sign in and change it now.
                    ================================================================""", USERNAME, password);
        }
        else {
            log.info("First administrator '{}' created with the password from WORKRELIEF_ADMIN_PASSWORD", USERNAME);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
