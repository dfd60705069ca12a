package org.workrelief.account;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.common.NotFoundException;

/**
 * The settings other modules keep on a town, in account's table {@code town}: the default labour share (project's,
 * V27) and the bank file template (payout's, V29). They are written only here, each in the caller's transaction
 * (the caller checks who may and writes the audit entry); they are read through the view {@code town_setting} that
 * account publishes (V31).
 */
@Service
public class TownSettings {

    private final JdbcTemplate jdbc;

    TownSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets the town's default labour share under the town's row lock, stamped with who and when; answers the share
     * it had (null: the county's). A town that does not exist is "not found".
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal setLabourSharePercent(long townId, BigDecimal percent, String by, Instant at) {
        List<BigDecimal> current = jdbc.query("select labour_share_percent from town where id = ? for update",
                (rs, i) -> rs.getBigDecimal(1), townId);
        if (current.isEmpty()) {
            throw new NotFoundException("Town", townId);
        }
        jdbc.update("update town set labour_share_percent = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ?",
                percent, Timestamp.from(at), by, townId);
        return current.get(0);
    }

    /** Sets the town's bank file template (null: today's layout); answers the one it had. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long setBankTemplate(long townId, Long templateId) {
        Long before = jdbc.query("select bank_template_id from town where id = ?", rs -> rs.next() ? (Long) rs.getObject(1)
                : null, townId);
        jdbc.update("update town set bank_template_id = ? where id = ?", templateId, townId);
        return before;
    }
}
