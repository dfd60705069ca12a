package org.workrelief.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The display names of user accounts, for pages that record who did something by user name
 * (approved by, released by, the audit log's actor): people are shown by their name, not their login.
 */
@Service
public class UserDirectory {

    private final JdbcTemplate jdbc;

    UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The display names of these user names (as stored, any case), in one query; unknown names are left out. */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        String[] wanted = usernames.stream().filter(name -> name != null && !name.isBlank())
                .map(name -> name.toLowerCase(java.util.Locale.ROOT)).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return names;
        }
        jdbc.query("select username, display_name from app_user where lower(username) = any(?)",
                rs -> {
                    names.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                }, (Object) wanted);
        Map<String, String> byGiven = new HashMap<>();
        usernames.stream().filter(name -> name != null && names.containsKey(name.toLowerCase(java.util.Locale.ROOT)))
                .forEach(name -> byGiven.put(name, names.get(name.toLowerCase(java.util.Locale.ROOT))));
        return byGiven;
    }

    /** Every account's display name by its user name in lower case (accounts are few: a county's officials). */
    @Transactional(readOnly = true)
    public Map<String, String> allDisplayNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query("select username, display_name from app_user",
                rs -> {
                    names.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                });
        return names;
    }

    /** The user names of the accounts whose display name contains this text (for a search by a person's name). */
    @Transactional(readOnly = true)
    public java.util.List<String> usernamesNamed(String text) {
        String pattern = "%" + text.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.queryForList("select username from app_user where lower(display_name) like ? escape '\\' limit 100",
                String.class, pattern);
    }
}
