package org.workrelief.message;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.workrelief.complaint.ComplaintStatus;
import org.workrelief.complaint.ComplaintStatusChanged;

/**
 * The worker hears of their complaint's progress: accepted (with its number), being handled, answered,
 * or rejected. Heard inside the complaint's transaction, as the payout messages are, so the message is
 * in the outbox exactly when the step is; one per complaint and status.
 */
@Component
class ComplaintMessages {

    private final MessageOutbox outbox;

    ComplaintMessages(MessageOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void statusChanged(ComplaintStatusChanged event) {
        if (event.workerId() == null) {
            return;
        }
        outbox.enqueue("COMPLAINT:" + event.complaintId() + ":" + event.status().name(), event.workerId(),
                MessageTexts.complaint(event.number(), text(event.status())));
    }

    private static String text(ComplaintStatus status) {
        return switch (status) {
            case ACCEPTED -> "已受理";
            case IN_PROGRESS -> "正在处理";
            case RESOLVED -> "已办结，答复请查看本人查询";
            case REJECTED -> "未予支持，理由请查看本人查询";
        };
    }
}
