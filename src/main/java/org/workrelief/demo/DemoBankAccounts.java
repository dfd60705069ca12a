package org.workrelief.demo;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20 §5 in the demo: some villagers are paid into their 社会保障卡 or the 惠民惠农"一卡通" rather than a
 * bank card (set right after each roster import, before any batch is released, so the lines carry it), and
 * 莱西农商银行's own file layout (GBK CSV, its column names, a totals row) is 姜山镇's template, with a second
 * (邮储银行, XLSX without header) to choose for a batch.
 */
final class DemoBankAccounts {

    private DemoBankAccounts() {
    }

    /** Every sixth of the project's workers on a social security card, every sixth (shifted) on the one-card. */
    static void kinds(JdbcTemplate jdbc, long projectId) {
        jdbc.update("""
                update worker set account_kind = case when id % 6 = 0 then 'SOCIAL_SECURITY_CARD' else 'ONE_CARD' end
                where account_kind = 'BANK_CARD' and id % 6 in (0, 3)
                  and id in (select worker_id from enrollment where project_id = ?)
                """, projectId);
    }

    /** The two banks' templates; 农商银行's is 姜山镇's. */
    static void templates(JdbcTemplate jdbc, Clock clock) {
        Timestamp now = Timestamp.from(clock.instant());
        Long rural = jdbc.queryForObject("""
                insert into bank_file_template (name, bank_name, columns, result_columns, encoding, file_format, header_row,
                    totals_row, created_at, created_by, updated_at, updated_by)
                values ('莱西农商银行代发（GBK CSV）', '莱西农商银行', ?, ?, 'GBK', 'CSV', true, true, ?, 'js-finance', ?, 'js-finance')
                returning id
                """, Long.class, """
                SERIAL=序号
                NAME=户名
                CARD_NUMBER=账号
                ACCOUNT_KIND=账户类型
                AMOUNT=金额
                ID_NUMBER=证件号码
                NOTE=摘要""", """
                CARD_NUMBER=账号
                NAME=户名
                AMOUNT=金额
                RESULT=处理结果
                REASON=失败原因
                REFERENCE=银行流水号""", now, now);
        jdbc.update("""
                insert into bank_file_template (name, bank_name, columns, result_columns, encoding, file_format, header_row,
                    totals_row, created_at, created_by, updated_at, updated_by)
                values ('邮储银行批量代发（XLSX 无表头）', '中国邮政储蓄银行', ?, ?, 'UTF8_BOM', 'XLSX', false, false, ?, 'admin', ?, 'admin')
                """, """
                CARD_NUMBER=收款账号
                NAME=收款户名
                AMOUNT=金额
                BANK=开户行
                ACCOUNT_KIND=账户类型
                NOTE=用途""", """
                CARD_NUMBER=收款账号
                NAME=收款户名
                AMOUNT=金额
                RESULT=状态
                REFERENCE=交易流水号
                REASON=备注""", now, now);
        jdbc.update("update town set bank_template_id = ? where code = 'JS'", rural);
    }
}
