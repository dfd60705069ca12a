package org.workrelief.self;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerPins;

/**
 * 本人查询, signing in and out: the worker code or ID number and the PIN, checked by the worker module's
 * PIN rules and lock-out ({@link WorkerPins#verifySelf}); every failure also counts against the client
 * address ({@link AddressThrottle}), which once locked is refused before any PIN is compared. A session
 * ends on the worker's sign-out or after {@link SelfServiceSettings#idleTimeout()} without a page.
 */
@Service
@EnableConfigurationProperties(SelfServiceSettings.class)
public class SelfSignIn {

    /** How the audit log names a lookup that found no worker (no worker code to name it by). */
    static final String UNKNOWN_ACTOR = "本人查询";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WorkerPins pins;
    private final AddressThrottle throttle;
    private final SelfRecord record;
    private final SelfServiceSettings settings;
    private final AuditLog auditLog;
    private final Clock clock;

    SelfSignIn(WorkerPins pins, AddressThrottle throttle, SelfRecord record, SelfServiceSettings settings,
            AuditLog auditLog, Clock clock) {
        this.pins = pins;
        this.throttle = throttle;
        this.record = record;
        this.settings = settings;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The session of the worker named, when the PIN is theirs; refused with the reason otherwise. */
    public SelfSession signIn(String workerCodeOrIdNumber, String pin, String address) {
        Instant lockedUntil = throttle.lockedUntil(address);
        if (lockedUntil != null) {
            refused("address locked", address);
            throw new BusinessRuleException("self.lookup.addressLocked", untilText(lockedUntil));
        }
        Worker worker;
        try {
            worker = pins.verifySelf(workerCodeOrIdNumber, pin, address);
        }
        catch (BusinessRuleException refusal) {
            boolean lockedNow = throttle.failed(address);
            if ("self.lookup.unknown".equals(refusal.getMessageKey())) {
                refused("unknown worker", address);
            }
            if (lockedNow) {
                refused("address locked now", address);
            }
            throw refusal;
        }
        record.audit(worker.getId(), worker.getWorkerCode(), worker.getTownId(), "SELF_SIGNED_IN", "signed in", address);
        return new SelfSession(worker.getId(), worker.getWorkerCode(), worker.getTownId(), clock.instant());
    }

    /**
     * The session as it stands now: the same session touched (its idle time starts again), or null when
     * there is none or it was idle too long (then audited as timed out, and the caller drops it).
     */
    SelfSession touch(SelfSession session, String address) {
        if (session == null) {
            return null;
        }
        Instant now = clock.instant();
        if (session.idleAt(now, settings.idleTimeout())) {
            record.audit(session.workerId(), session.workerCode(), session.townId(), "SELF_TIMED_OUT", "idle", address);
            return null;
        }
        return session.touchedAt(now);
    }

    void signOut(SelfSession session, String address) {
        record.audit(session.workerId(), session.workerCode(), session.townId(), "SELF_SIGNED_OUT", "signed out", address);
    }

    private void refused(String why, String address) {
        auditLog.recordAs(UNKNOWN_ACTOR, AuditEvent.of("SELF_LOOKUP_REFUSED", "Worker", null)
                .detail(SelfRecord.where(why, address)));
    }

    private String untilText(Instant until) {
        var end = until.atZone(clock.getZone()).toLocalDateTime();
        var minute = end.truncatedTo(ChronoUnit.MINUTES);
        return (minute.equals(end) ? minute : minute.plusMinutes(1)).format(MINUTE);
    }
}
