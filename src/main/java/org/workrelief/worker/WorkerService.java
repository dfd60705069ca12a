package org.workrelief.worker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.Masking;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.common.crypto.ProtectedNumber;

/**
 * The real-name registry: one person is one worker, found by their ID number's keyed hash; the
 * numbers are encrypted before they reach the database and shown masked everywhere.
 */
@Service
public class WorkerService {

    static final String ENTITY = "Worker";

    /** A search text no name, phone, village or code contains: with it only the ID hash can match. */
    static final String MATCH_NO_TEXT = "\u001F";

    private final WorkerRepository workers;
    private final AccountService accounts;
    private final DataProtector protector;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int ageWarning;
    private final WorkerGroups groups;

    WorkerService(WorkerRepository workers, AccountService accounts, DataProtector protector, AuditLog auditLog,
            Clock clock, @Value("${workrelief.worker.age-warning:60}") int ageWarning, WorkerGroups groups) {
        this.groups = groups;
        this.workers = workers;
        this.accounts = accounts;
        this.protector = protector;
        this.auditLog = auditLog;
        this.clock = clock;
        this.ageWarning = ageWarning;
    }

    /**
     * A registered worker, whether their age is above the configured warning limit, and the other
     * workers of the town already registered with the same phone number (a warning, not a refusal).
     */
    public record Registration(Worker worker, boolean aboveAgeWarning, int age, SharedPhone sharedPhone) {
    }

    /** A worker saved from the edit form, and who else in the town has the phone number it was given. */
    public record Edited(Worker worker, SharedPhone sharedPhone) {
    }

    /** Another worker of the town registered with the same phone number. */
    public record PhonePeer(long workerId, String name, String code) {

        /** 王小明（TOWN000001）, as the daily review's shared-phone finding names them. */
        public String label() {
            return name + "（" + code + "）";
        }
    }

    /**
     * 共用手机号: the other workers of the town registered with a worker's phone number, the number
     * masked. A household may share one phone, so the clerk is told, never refused; the committee sees
     * the same sharing again in the daily review (anomaly SHARED_PHONE).
     */
    public record SharedPhone(String phoneMasked, List<PhonePeer> others) {

        /** How many of the others are named in the message; the count says how many there are. */
        static final int NAMED = 5;

        public SharedPhone {
            others = List.copyOf(others);
        }

        static SharedPhone none() {
            return new SharedPhone(null, List.of());
        }

        public boolean shared() {
            return !others.isEmpty();
        }

        /**
         * The arguments of {@code worker.phone.shared}: the masked number, how many others, and the first
         * of them by name and code, joined with 、 (the names are Chinese in either language).
         */
        public Object[] messageArgs() {
            String named = others.stream().limit(NAMED).map(PhonePeer::label).collect(java.util.stream.Collectors.joining("、"));
            return new Object[] { phoneMasked, others.size(), others.size() > NAMED ? named + "……" : named };
        }
    }

    @Transactional
    public Registration register(SignedInUser actor, WorkerForm form) {
        actor.require(Role.ADMIN, Role.STAFF);
        if (!actor.maySee(form.townId())) {
            throw new BusinessRuleException("worker.town.notYours");
        }
        LocalDate today = LocalDate.now(clock);
        ResidentIdNumber id = ResidentIdNumber.parse(form.idNumber());
        WorkerChecks.minimumAge(id, today);
        WorkerDetails details = details(form);
        ProtectedNumber card = protectCard(form.bankCard());
        ProtectedNumber protectedId = protectId(id);
        if (workers.existsByIdNumberHash(protectedId.hash())) {
            throw new BusinessRuleException("worker.idNumber.registered");
        }
        requireCardFree(card, null);
        java.util.Set<String> chosenGroups = groups.checked(form.groups());
        String code = nextWorkerCode(accounts.getTown(actor, form.townId()).getCode());
        Worker worker;
        try {
            Worker registered = new Worker(code, form.townId(), id, protectedId, details, card);
            registered.changeGroups(chosenGroups);
            worker = workers.saveAndFlush(registered);
        }
        catch (DataIntegrityViolationException raced) {
            // two clerks registering the same person at once: the unique hashes let only one through
            throw translated(raced);
        }
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("WORKER_REGISTERED", ENTITY, worker.getId())
                .inTown(worker.getTownId()).change(null, snapshot(worker)));
        int age = id.ageOn(today);
        return new Registration(worker, age > ageWarning, age, sharedPhone(worker));
    }

    /** Saves the edit form; a phone number changed to one another worker of the town has comes back as a warning. */
    @Transactional
    public Edited update(SignedInUser actor, long id, WorkerForm form) {
        actor.require(Role.ADMIN, Role.STAFF);
        Worker worker = get(actor, id);
        if (worker.getVersion() != form.version()) {
            throw new ObjectOptimisticLockingFailureException(Worker.class, id);
        }
        Map<String, Object> before = snapshot(worker);
        String phoneBefore = worker.getPhone();
        if (form.idNumber() != null && !form.idNumber().isBlank()) {
            ResidentIdNumber newId = ResidentIdNumber.parse(form.idNumber());
            WorkerChecks.minimumAge(newId, LocalDate.now(clock));
            ProtectedNumber protectedId = protectId(newId);
            if (!protectedId.hash().equals(worker.getIdNumber().hash())) {
                if (workers.existsByIdNumberHash(protectedId.hash())) {
                    throw new BusinessRuleException("worker.idNumber.registered");
                }
                worker.changeIdNumber(newId, protectedId);
            }
        }
        ProtectedNumber card = protectCard(form.bankCard());
        requireCardFree(card, worker.getId());
        worker.change(details(form), card);
        worker.changeGroups(groups.checked(form.groups()));
        try {
            workers.flush();
        }
        catch (DataIntegrityViolationException raced) {
            throw translated(raced);
        }
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("WORKER_UPDATED", ENTITY, worker.getId())
                .inTown(worker.getTownId()).change(before, snapshot(worker)));
        boolean phoneChanged = !java.util.Objects.equals(phoneBefore, worker.getPhone());
        return new Edited(worker, phoneChanged ? sharedPhone(worker) : SharedPhone.none());
    }

    /** The other workers of the worker's town registered with the same phone number (none without a phone). */
    SharedPhone sharedPhone(Worker worker) {
        if (worker.getPhone() == null) {
            return SharedPhone.none();
        }
        List<PhonePeer> others = workers.findSamePhone(worker.getTownId(), worker.getPhone(), worker.getId()).stream()
                .map(other -> new PhonePeer(other.getId(), other.getName(), other.getWorkerCode())).toList();
        return new SharedPhone(Masking.phone(worker.getPhone()), others);
    }

    @Transactional(readOnly = true)
    public Worker get(SignedInUser viewer, long id) {
        Worker worker = workers.findById(id).filter(w -> viewer.maySee(w.getTownId()))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
        org.hibernate.Hibernate.initialize(worker.getGroupCodes()); // the worker page shows them after the transaction
        return worker;
    }

    /** The names of these workers, in one query; "not found" if the viewer may not see one of them. */
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(SignedInUser viewer, Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        workers.findAllById(ids).stream().filter(worker -> viewer.maySee(worker.getTownId()))
                .forEach(worker -> names.put(worker.getId(), worker.getName()));
        ids.stream().filter(id -> !names.containsKey(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException(ENTITY, id);
        });
        return names;
    }

    @Transactional(readOnly = true)
    public WorkerForm formOf(SignedInUser viewer, long id) {
        Worker w = get(viewer, id);
        return new WorkerForm(w.getTownId(), w.getName(), "", nullToEmpty(w.getPhone()), w.getVillage(),
                nullToEmpty(w.getVillageGroup()), nullToEmpty(w.getHouseholdNo()), w.getHouseholdStatus(),
                nullToEmpty(w.getSkills()), nullToEmpty(w.getBankName()), "", w.getAccountKind(), w.getVersion(),
                List.copyOf(w.getGroups()));
    }

    /**
     * Finds workers by a fragment of name, phone or village, by worker code, or by an exact ID
     * number (compared through its keyed hash, never decrypted).
     */
    @Transactional(readOnly = true)
    public Page<Worker> search(SignedInUser viewer, String query, Pageable pageable) {
        String q = query == null ? "" : query.trim();
        return workers.search(viewer.townId(), q, idHashOf(q), pageable);
    }

    /** Workers with exactly this ID number's keyed hash (the search link carries the hash, never the number). */
    @Transactional(readOnly = true)
    public Page<Worker> searchByIdHash(SignedInUser viewer, String idHash, Pageable pageable) {
        return workers.search(viewer.townId(), MATCH_NO_TEXT, idHash, pageable);
    }

    /**
     * The keyed hash to search by when the typed text is a whole ID number, so that the number itself
     * need not travel in a link (browser history, proxy logs); empty when it is not one.
     */
    public java.util.Optional<String> idSearchKey(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String candidate = typed.replace(" ", "").trim().toUpperCase();
        return candidate.matches("\\d{17}[\\dX]") ? java.util.Optional.of(protector.hash(candidate))
                : java.util.Optional.empty();
    }

    /** 本人查询: the worker of a self-service session (their PIN verified), whatever town. */
    @Transactional(readOnly = true)
    public Worker own(long workerId) {
        return workers.findById(workerId).orElseThrow(() -> new NotFoundException(ENTITY, workerId));
    }

    /** The exact worker with this ID number, if registered and visible. */
    @Transactional(readOnly = true)
    public java.util.Optional<Worker> findByIdNumber(SignedInUser viewer, String idNumber) {
        String hash = idHashOf(idNumber);
        java.util.Optional<Worker> found = hash == null ? java.util.Optional.empty()
                : workers.findByIdNumberHash(hash).filter(worker -> viewer.maySee(worker.getTownId()));
        found.ifPresent(worker -> org.hibernate.Hibernate.initialize(worker.getGroupCodes()));
        return found;
    }

    // --- shared with the roster import ---------------------------------------------------------

    /** The hash a typed ID number would have, or a value that matches nothing when it is not one. */
    String idHashOf(String typed) {
        if (typed == null) {
            return "";
        }
        String candidate = typed.replace(" ", "").trim().toUpperCase();
        return candidate.length() == 18 ? protector.hash(candidate) : "";
    }

    ProtectedNumber protectId(ResidentIdNumber id) {
        return protector.protect(id.value(), Masking::idNumber);
    }

    ProtectedNumber protectCard(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return protector.protect(BankCardNumber.parse(typed), Masking::bankCard);
    }

    String nextWorkerCode(String townCode) {
        return townCode.replace("-", "").toUpperCase() + String.format("%06d", workers.nextCodeNumber());
    }

    WorkerDetails details(WorkerForm form) {
        return new WorkerDetails(WorkerChecks.name(form.name()), WorkerChecks.phone(form.phone()), form.village().trim(),
                WorkerChecks.blankToNull(form.villageGroup()), WorkerChecks.blankToNull(form.householdNo()),
                form.householdStatus(), WorkerChecks.blankToNull(form.skills()), WorkerChecks.blankToNull(form.bankName()),
                form.accountKind() == null ? AccountKind.BANK_CARD : form.accountKind());
    }

    int ageWarning() {
        return ageWarning;
    }

    /** A card belongs to one worker only (rule 2: wages go to the worker's own card). */
    private void requireCardFree(ProtectedNumber card, Long self) {
        if (card != null && workers.findIdByBankCardHash(card.hash()).filter(id -> !id.equals(self)).isPresent()) {
            throw new BusinessRuleException("worker.bankCard.registered");
        }
    }

    private static RuntimeException translated(DataIntegrityViolationException e) {
        if (org.workrelief.common.Constraints.violated(e, "uk_worker_id_number")) {
            return new BusinessRuleException("worker.idNumber.registered");
        }
        if (org.workrelief.common.Constraints.violated(e, "uk_worker_bank_card")) {
            return new BusinessRuleException("worker.bankCard.registered");
        }
        return e;
    }

    /** What the audit log keeps of a worker: masked numbers only. */
    static Map<String, Object> snapshot(Worker w) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("workerCode", w.getWorkerCode());
        map.put("name", w.getName());
        map.put("idNumber", w.getIdNumberMasked());
        map.put("phone", w.getPhone() == null ? null : Masking.phone(w.getPhone()));
        map.put("village", w.getVillage());
        map.put("householdNo", w.getHouseholdNo());
        map.put("householdStatus", w.getHouseholdStatus());
        map.put("bankName", w.getBankName());
        map.put("bankCard", w.getBankCardMasked());
        map.put("accountKind", w.getAccountKind());
        map.put("groups", List.copyOf(new java.util.TreeSet<>(w.getGroups())));
        return map;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

}
