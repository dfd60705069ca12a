package org.workrelief.message;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.workrelief.common.web.PublicLinks;
import org.workrelief.payout.PayoutEvents;

/**
 * The workers' messages of a payout batch: the notice starting (amount and the notice's link), the wage
 * sent to the bank, and the bank's answer (paid, or failed with its reason). Heard as the event is
 * published, inside the payout's transaction, so the messages are in the outbox exactly when the step
 * that caused them is (written with the change, never lost between two commits, never left by a step
 * that rolled back), stamped with the step's time. One message per worker and event; none for a zero
 * amount or a worker without a phone.
 */
@Component
class PayoutMessages {

    private final JdbcTemplate jdbc;
    private final MessageOutbox outbox;
    private final Clock clock;
    private final PublicLinks links;

    PayoutMessages(JdbcTemplate jdbc, MessageOutbox outbox, Clock clock,
            PublicLinks links) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
    }

    private record Line(long lineId, long batchId, long workerId, long projectId, String projectName, LocalDate from,
            LocalDate to, BigDecimal amount, String cardMasked, String bankReason, LocalDate paidOn, String noticeToken,
            Timestamp noticeUntil) {
    }

    @EventListener
    void noticeStarted(PayoutEvents.NoticeStarted event) {
        List<MessageOutbox.Draft> drafts = new ArrayList<>();
        for (Line l : lines("l.batch_id = ?", event.batchId())) {
            String link = l.noticeToken() == null ? "" : links.to("notice", l.noticeToken());
            drafts.add(new MessageOutbox.Draft("PAYOUT_NOTICE:batch:" + l.batchId() + ":worker:" + l.workerId(), l.workerId(),
                    MessageTexts.notice(l.projectName(), l.from(), l.to(), l.amount(),
                            l.noticeUntil() == null ? null : LocalDate.ofInstant(l.noticeUntil().toInstant(), clock.getZone()),
                            link),
                    l.projectId()));
        }
        outbox.enqueueAll(drafts);
    }

    @EventListener
    void released(PayoutEvents.Released event) {
        List<MessageOutbox.Draft> drafts = new ArrayList<>();
        for (Line l : lines("l.batch_id = ?", event.batchId())) {
            drafts.add(new MessageOutbox.Draft("PAYOUT_RELEASED:batch:" + l.batchId() + ":worker:" + l.workerId(), l.workerId(),
                    MessageTexts.released(l.projectName(), l.from(), l.to(), l.amount(), l.cardMasked()), l.projectId()));
        }
        outbox.enqueueAll(drafts);
    }

    @EventListener
    void bankAnswered(PayoutEvents.BankAnswered event) {
        List<MessageOutbox.Draft> drafts = new ArrayList<>();
        if (!event.paidLineIds().isEmpty()) {
            for (Line l : lines("l.id = any (?)", event.paidLineIds().toArray(Long[]::new))) {
                drafts.add(new MessageOutbox.Draft("PAYOUT_PAID:line:" + l.lineId(), l.workerId(),
                        MessageTexts.paid(l.projectName(), l.from(), l.to(), l.amount(), l.paidOn(), l.cardMasked()),
                        l.projectId()));
            }
        }
        if (!event.failedLineIds().isEmpty()) {
            for (Line l : lines("l.id = any (?)", event.failedLineIds().toArray(Long[]::new))) {
                drafts.add(new MessageOutbox.Draft("PAYOUT_FAILED:line:" + l.lineId(), l.workerId(),
                        MessageTexts.failed(l.projectName(), l.from(), l.to(), l.amount(), l.bankReason()), l.projectId()));
            }
        }
        outbox.enqueueAll(drafts);
    }

    private List<Line> lines(String where, Object argument) {
        return jdbc.query("""
                select l.id, l.batch_id, l.worker_id, b.project_id, p.name, b.period_from, b.period_to, l.amount_payable,
                       l.bank_card_masked, l.bank_reason, l.paid_on, b.notice_token, b.notice_until
                from payout_line_state l join payout_batch_state b on b.id = l.batch_id join project_name p on p.id = b.project_id
                where %s and l.amount_payable > 0 order by l.id
                """.formatted(where), PayoutMessages::line, argument);
    }

    private static Line line(ResultSet rs, int i) throws SQLException {
        Date paidOn = rs.getDate(11);
        return new Line(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getBigDecimal(8), rs.getString(9),
                rs.getString(10), paidOn == null ? null : paidOn.toLocalDate(), rs.getString(12), rs.getTimestamp(13));
    }
}
