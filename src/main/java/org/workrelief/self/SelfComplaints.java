package org.workrelief.self;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.workrelief.complaint.ComplaintKind;
import org.workrelief.complaint.ComplaintService;
import org.workrelief.worker.WorkerService;

/**
 * 我要反映问题: the worker files a complaint about their own day or payout line from their lookup, and
 * follows it there (number, status, deadline, the answer). Only the session's worker, always.
 */
@Service
public class SelfComplaints {

    /** What the worker typed; the line and day are optional, the kind defaults to 其他. */
    public record Form(String kind, Long lineId, LocalDate day, String content, String contact) {
    }

    private final ComplaintService complaints;
    private final WorkerService workers;

    SelfComplaints(ComplaintService complaints, WorkerService workers) {
        this.complaints = complaints;
        this.workers = workers;
    }

    public List<ComplaintService.WorkerView> mine(SelfSession session) {
        return complaints.ofWorker(session.workerId());
    }

    /** Files it for the session's worker; a line that is not theirs is not found. Returns its number. */
    public String file(SelfSession session, Form form) {
        return complaints.file(workers.own(session.workerId()), ComplaintKind.parse(form.kind()), form.lineId(),
                form.day(), form.content(), form.contact()).number();
    }
}
