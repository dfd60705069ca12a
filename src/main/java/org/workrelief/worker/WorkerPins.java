package org.workrelief.worker;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.DataProtector;

/**
 * 确认码: the worker's own six-digit PIN, with which they act on the site device themselves (confirming a
 * co-worker's days, later their own self-service). The worker sets it on the device the clerk hands
 * over; only its slow password hash is kept (the application's {@link PasswordEncoder}, as for user
 * passwords). Wrong PINs are counted per worker and lock that worker's PIN ({@link PinLockoutPolicy});
 * every failure and every lock is audited. Only an administrator of the worker's town (or of the county)
 * resets a PIN, with a reason; the worker then has no usable PIN until they set a new one.
 */
@Service
@EnableConfigurationProperties(PinLockoutPolicy.class)
public class WorkerPins {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WorkerRepository workers;
    private final WorkerPinRepository pins;
    private final PasswordEncoder encoder;
    private final DataProtector protector;
    private final AuditLog auditLog;
    private final PinLockoutPolicy policy;
    private final Clock clock;
    /** Counting a wrong PIN must outlast the refusal it ends in, whatever transaction the caller runs. */
    private final TransactionTemplate ownTransaction;

    WorkerPins(WorkerRepository workers, WorkerPinRepository pins, PasswordEncoder encoder, DataProtector protector,
            AuditLog auditLog, PinLockoutPolicy policy, Clock clock, PlatformTransactionManager transactions) {
        this.workers = workers;
        this.pins = pins;
        this.encoder = encoder;
        this.protector = protector;
        this.auditLog = auditLog;
        this.policy = policy;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The worker with this code, when {@code pin} is their PIN. Refused (with a message for the person at
     * the device) when the code is unknown or of a town the device's user may not see, the PIN is not six
     * digits, no PIN is set, it is locked (until when is said) or wrong (how many tries are left is said).
     * A wrong PIN is counted, and audited, in a transaction of its own, so it stands even though the
     * refusal rolls back the caller's. Do not call it in a transaction that has itself set or reset this
     * worker's PIN: the count waits for that transaction's lock on the PIN.
     */
    public Worker verify(SignedInUser device, String workerCode, String pin) {
        String code = workerCode == null ? "" : workerCode.trim().toUpperCase();
        String typed = PinRules.wellFormed(pin);
        Worker worker = workers.findByWorkerCode(code).filter(found -> device.maySee(found.getTownId()))
                .orElseThrow(() -> new BusinessRuleException("worker.pin.unknownWorker", code));
        attempt(Attempter.of(device), worker, typed);
        return worker;
    }

    /**
     * 本人查询: the worker named by their worker code or ID number, when {@code pin} is their PIN, for the
     * worker's own self-service lookup (no staff user involved). The same PIN rules and lock-out as on the
     * site device: a wrong PIN counts towards the same lock, and each failure and lock is audited, here as
     * the worker's own lookup ({@link #selfActor}) with the client's address. Refusals name nobody: an
     * unknown worker, a PIN not set or reset, locked (until when) or wrong (tries left).
     */
    public Worker verifySelf(String workerCodeOrIdNumber, String pin, String clientAddress) {
        String typed = workerCodeOrIdNumber == null ? "" : workerCodeOrIdNumber.replace(" ", "").trim().toUpperCase();
        String wellFormed = PinRules.wellFormed(pin);
        java.util.Optional<Worker> found = typed.length() == 18 ? workers.findByIdNumberHash(protector.hash(typed))
                : workers.findByWorkerCode(typed);
        Worker worker = found.orElseThrow(() -> new BusinessRuleException("self.lookup.unknown"));
        attempt(new Attempter(selfActor(worker.getWorkerCode()), clientAddress, true), worker, wellFormed);
        return worker;
    }

    /** How the audit log names a worker acting on their own record through the self-service page. */
    public static String selfActor(String workerCode) {
        return "本人:" + workerCode;
    }

    /**
     * Sets the worker's PIN as they typed it (twice). When a PIN is set, the current one is needed too
     * (a wrong one counts as any wrong PIN); a forgotten PIN is reset by an administrator first.
     */
    @Transactional
    public void set(SignedInUser clerk, long workerId, PinForm form) {
        clerk.require(Role.ADMIN, Role.STAFF);
        Worker worker = visible(clerk, workerId);
        if (!Objects.equals(form.newPin(), form.newPinAgain())) {
            throw new BusinessRuleException("worker.pin.mismatch");
        }
        String pin = PinRules.check(form.newPin(), worker.getBirthDate(), protector.decrypt(worker.getIdNumber().cipher()),
                worker.getPhone());
        boolean hadPin = pins.existsByWorkerIdAndPinHashIsNotNull(workerId);
        if (hadPin) {
            if (form.currentPin() == null || form.currentPin().isBlank()) {
                throw new BusinessRuleException("worker.pin.currentRequired");
            }
            attempt(Attempter.of(clerk), worker, PinRules.wellFormed(form.currentPin()));
        }
        Instant now = clock.instant();
        WorkerPin row = pins.findLockedByWorkerId(workerId).orElseGet(() -> new WorkerPin(workerId));
        if (row.isLockedAt(now)) {
            throw new BusinessRuleException("worker.pin.locked", untilText(row.getLockedUntil()));
        }
        if (row.isSet() && !hadPin) {
            // set by someone else since this page was sent: the current PIN is needed after all
            throw new BusinessRuleException("worker.pin.currentRequired");
        }
        if (row.isSet() && encoder.matches(pin, row.getPinHash())) {
            throw new BusinessRuleException("worker.pin.unchanged");
        }
        row.set(encoder.encode(pin), now);
        pins.save(row);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("pin", hadPin ? "changed" : "set");
        auditLog.recordAs(clerk.getUsername(), AuditEvent.of("WORKER_PIN_SET", WorkerService.ENTITY, workerId)
                .inTown(worker.getTownId()).change(null, after));
    }

    /** An administrator's reset, with the reason written down: the old PIN no longer works, nor does any. */
    @Transactional
    public void reset(SignedInUser admin, long workerId, String reason) {
        admin.require(Role.ADMIN);
        Worker worker = visible(admin, workerId);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw new BusinessRuleException("worker.pin.reset.reasonRequired");
        }
        if (why.length() > 200) {
            throw new BusinessRuleException("worker.pin.reset.reasonTooLong", 200);
        }
        Instant now = clock.instant();
        WorkerPin row = pins.findLockedByWorkerId(workerId).orElse(null);
        if (row == null || !row.isSet() && !row.isLockedAt(now)) {
            throw new BusinessRuleException("worker.pin.reset.nothing");
        }
        row.reset(admin.getUsername(), now);
        auditLog.recordAs(admin.getUsername(), AuditEvent.of("WORKER_PIN_RESET", WorkerService.ENTITY, workerId)
                .inTown(worker.getTownId()).detail(why));
    }

    @Transactional(readOnly = true)
    public PinStatus statusOf(SignedInUser viewer, long workerId) {
        visible(viewer, workerId);
        Instant now = clock.instant();
        return pins.findByWorkerId(workerId)
                .map(row -> new PinStatus(row.isSet(),
                        row.isSet() ? row.getPinSetAt().atZone(clock.getZone()).toLocalDate() : null,
                        !row.isSet() && row.getResetAt() != null,
                        row.isLockedAt(now) ? lockEnd(row.getLockedUntil()) : null))
                .orElse(new PinStatus(false, null, false, null));
    }

    /** Compares a typed PIN, counting and auditing a wrong one in a transaction of its own; refuses unless right. */
    private void attempt(Attempter actor, Worker worker, String typed) {
        Outcome outcome = ownTransaction.execute(status -> check(actor, worker, typed));
        switch (Objects.requireNonNull(outcome).kind) {
        case RIGHT -> {
        }
        case NOT_SET -> throw actor.self() ? new BusinessRuleException("self.pin.notSet")
                : new BusinessRuleException("worker.pin.notSet", worker.getName());
        case WAS_RESET -> throw actor.self() ? new BusinessRuleException("self.pin.notSet")
                : new BusinessRuleException("worker.pin.wasReset", worker.getName());
        case LOCKED -> throw new BusinessRuleException("worker.pin.locked", untilText(outcome.lockedUntil));
        case WRONG -> throw new BusinessRuleException("worker.pin.wrong", outcome.triesLeft,
                policy.lockDuration().toMinutes());
        }
    }

    private Outcome check(Attempter actor, Worker worker, String typed) {
        WorkerPin row = pins.findLockedByWorkerId(worker.getId()).orElse(null);
        if (row == null || !row.isSet()) {
            return new Outcome(row != null && row.getResetAt() != null ? Kind.WAS_RESET : Kind.NOT_SET, null, 0);
        }
        Instant now = clock.instant();
        if (row.isLockedAt(now)) {
            audit(actor, worker, "WORKER_PIN_FAILED", Map.of("lockedUntil", untilText(row.getLockedUntil())));
            return new Outcome(Kind.LOCKED, row.getLockedUntil(), 0);
        }
        if (encoder.matches(typed, row.getPinHash())) {
            if (row.getFailedCount() > 0) {
                row.recordSuccess();
            }
            return new Outcome(Kind.RIGHT, null, 0);
        }
        boolean lockedNow = row.recordFailure(now, policy);
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("failedAttempts", lockedNow ? policy.maxFailures() : row.getFailedCount());
        failure.put("maxFailures", policy.maxFailures());
        audit(actor, worker, "WORKER_PIN_FAILED", failure);
        if (lockedNow) {
            audit(actor, worker, "WORKER_PIN_LOCKED", Map.of("lockedUntil", untilText(row.getLockedUntil())));
            return new Outcome(Kind.LOCKED, row.getLockedUntil(), 0);
        }
        return new Outcome(Kind.WRONG, null, policy.maxFailures() - row.getFailedCount());
    }

    private void audit(Attempter actor, Worker worker, String action, Map<String, Object> after) {
        auditLog.recordAs(actor.name(), AuditEvent.of(action, WorkerService.ENTITY, worker.getId())
                .inTown(worker.getTownId()).change(null, after).detail(actor.detail()));
    }

    private Worker visible(SignedInUser viewer, long workerId) {
        return workers.findById(workerId).filter(worker -> viewer.maySee(worker.getTownId()))
                .orElseThrow(() -> new NotFoundException(WorkerService.ENTITY, workerId));
    }

    /** The minute a lock ends, rounded up, so that trying again at that minute works. */
    private LocalDateTime lockEnd(Instant until) {
        LocalDateTime end = until.atZone(clock.getZone()).toLocalDateTime();
        LocalDateTime minute = end.truncatedTo(ChronoUnit.MINUTES);
        return minute.equals(end) ? minute : minute.plusMinutes(1);
    }

    private String untilText(Instant until) {
        return lockEnd(until).format(MINUTE);
    }

    /** Who typed the PIN: a signed-in user (a device, a clerk's page) or the worker themself (with the client address). */
    private record Attempter(String name, String detail, boolean self) {

        static Attempter of(SignedInUser user) {
            return new Attempter(user.getUsername(), null, false);
        }
    }

    private enum Kind { RIGHT, NOT_SET, WAS_RESET, LOCKED, WRONG }

    private record Outcome(Kind kind, Instant lockedUntil, int triesLeft) {
    }
}
