package org.workrelief.account;

import java.util.Map;

import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * For templates: {@code ${@people.name(batch.approvedBy())}} shows the person behind a stored user name.
 * One query per request however many names the page shows (every account's display name, read on first
 * use); a name that is not an account's (the system, a name typed at a failed sign-in) is shown as stored.
 */
@Component("people")
@Scope(value = WebApplicationContext.SCOPE_REQUEST, proxyMode = ScopedProxyMode.TARGET_CLASS)
public class People {

    private final UserDirectory directory;
    private Map<String, String> names;

    People(UserDirectory directory) {
        this.directory = directory;
    }

    public String name(String username) {
        if (username == null) {
            return null;
        }
        if (names == null) {
            names = directory.allDisplayNames();
        }
        return names.getOrDefault(username.toLowerCase(java.util.Locale.ROOT), username);
    }
}
