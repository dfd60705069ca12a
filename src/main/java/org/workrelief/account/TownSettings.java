package org.workrelief.account;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.db.RowStamp;

/**
 * The settings other modules keep on a town, in account's table {@code town}: the default labour share (project's,
 * V27) and the bank file template (payout's, V29). They are written only here, each in the caller's transaction
 * (the caller checks who may and writes the audit entry); they are read through the view {@code town_setting} that
 * account publishes (V31).
 */
@Service
public class TownSettings {

    private final JdbcClient jdbc;

    TownSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets the town's default labour share under the town's row lock, stamped with who and when; answers the share
     * it had (null: the county's). A town that does not exist is "not found".
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal setLabourSharePercent(long townId, BigDecimal percent, RowStamp stamp) {
        List<BigDecimal> current = jdbc.sql("select labour_share_percent from town where id = :townId for update")
                .param("townId", townId).query((rs, i) -> rs.getBigDecimal("labour_share_percent")).list();
        if (current.isEmpty()) {
            throw new NotFoundException("Town", townId);
        }
        stamp.on(jdbc.sql("update town set labour_share_percent = :percent, " + RowStamp.UPDATED + " where id = :townId"))
                .param("percent", percent).param("townId", townId).update();
        return current.get(0);
    }

    /** Sets the town's bank file template (null: today's layout); answers the one it had. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long setBankTemplate(long townId, Long templateId) {
        Long before = jdbc.sql("select bank_template_id from town where id = :townId").param("townId", townId)
                .query((rs, i) -> (Long) rs.getObject("bank_template_id")).optional().orElse(null);
        jdbc.sql("update town set bank_template_id = :templateId where id = :townId").param("templateId", templateId)
                .param("townId", townId).update();
        return before;
    }
}
