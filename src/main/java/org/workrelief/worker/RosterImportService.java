package org.workrelief.worker;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.Masking;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.ProtectedNumber;
import org.workrelief.common.sheet.RowError;
import org.workrelief.common.sheet.SheetImport;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;

/**
 * 花名册导入: registers and enrolls a whole roster from XLSX or CSV, all rows or none. Every row is
 * checked with the same rules as the registration form; every problem is reported with its row,
 * column and reason, and if there is any, nothing is saved. A good file is written in JDBC batches,
 * so thousands of rows take seconds.
 */
@Service
public class RosterImportService {

    /**
     * {@code imported}: rows enrolled, of which {@code alreadyRegistered} were people already in the
     * registry (enrolled as they are: their registered details are not changed by a file);
     * {@code warnings}: rows saved but worth a look (age above the warning limit; a phone number that
     * another worker of the town, or an earlier new person of the file, already has).
     */
    public record ImportResult(int imported, int alreadyRegistered, List<RowError> errors, List<RowError> warnings) {

        ImportResult(List<RowError> errors) {
            this(0, 0, errors, List.of());
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** A person of the file who is already registered. */
    private record Registered(long workerId, long townId) {
    }

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.M.d");
    private static final int MAX_ERRORS = 500;

    private final WorkerService workers;
    private final WorkerRepository workerRepository;
    private final ProjectService projects;
    private final TeamService teams;
    private final AccountService accounts;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final WorkerGroups groups;

    RosterImportService(WorkerService workers, WorkerRepository workerRepository, ProjectService projects,
            TeamService teams, AccountService accounts, JdbcTemplate jdbc, AuditLog auditLog, Clock clock,
            WorkerGroups groups) {
        this.groups = groups;
        this.workers = workers;
        this.workerRepository = workerRepository;
        this.projects = projects;
        this.teams = teams;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    private record CheckedRow(int row, String name, ResidentIdNumber id, ProtectedNumber protectedId, String phone,
            String village, String villageGroup, String householdNo, HouseholdStatus householdStatus, String skills,
            String bankName, ProtectedNumber bankCard, EnrollmentForm enrollment, Set<String> groups) {
    }

    @Transactional
    public ImportResult importRoster(SignedInUser actor, long projectId, String filename, InputStream in)
            throws IOException {
        actor.require(Role.ADMIN, Role.STAFF);
        Project project = projects.get(actor, projectId);
        SheetImport sheet = SheetImport.read(filename, in);
        Arrays.stream(RosterColumn.values()).filter(RosterColumn::required).forEach(sheet::require);
        if (!sheet.missing().isEmpty()) {
            return new ImportResult(sheet.missing());
        }

        Map<String, Long> teamIds = new HashMap<>();
        for (WorkTeam team : teams.teamsOfProject(projectId)) {
            teamIds.put(team.getName(), team.getId());
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> firstRowOfHash = new HashMap<>();
        Map<String, Integer> firstRowOfCard = new HashMap<>();
        SheetImport.Checked<CheckedRow> file = sheet.check(row -> {
            CheckedRow good = check(row, teamIds, today);
            if (good == null) {
                return null;
            }
            Integer earlier = firstRowOfHash.putIfAbsent(good.protectedId().hash(), row.number());
            if (earlier != null) {
                row.reject(RosterColumn.ID_NUMBER, "import.idNumber.duplicateInFile", earlier);
            }
            else if (good.bankCard() != null && firstRowOfCard.putIfAbsent(good.bankCard().hash(), row.number()) != null) {
                row.reject(RosterColumn.BANK_CARD, "import.bankCard.duplicateInFile", firstRowOfCard.get(good.bankCard().hash()));
            }
            return good;
        }, MAX_ERRORS);
        List<CheckedRow> checked = file.rows();
        Map<String, Registered> registered = registeredByIdHash(checked);
        Set<Long> activeHere = activeOnProject(projectId, registered.values());
        Map<String, Long> cardOwners = cardOwners(checked);
        Map<String, List<WorkerService.PhonePeer>> phoneHolders = phoneHolders(project.getTownId(), checked, registered);
        Map<String, CheckedRow> firstNewRowOfPhone = new HashMap<>();
        List<RowError> warnings = new ArrayList<>();
        for (CheckedRow row : checked) {
            Registered existing = registered.get(row.protectedId().hash());
            if (existing != null && existing.townId() != project.getTownId()) {
                file.reject(row.row(), RosterColumn.ID_NUMBER.header(), "enrollment.otherTown");
            }
            else if (existing != null && activeHere.contains(existing.workerId())) {
                file.reject(row.row(), RosterColumn.ID_NUMBER.header(), "enrollment.alreadyActive");
            }
            Long owner = row.bankCard() == null ? null : cardOwners.get(row.bankCard().hash());
            if (owner != null && (existing == null || owner != existing.workerId())) {
                file.reject(row.row(), RosterColumn.BANK_CARD.header(), "worker.bankCard.registered");
            }
            int age = row.id().ageOn(today);
            if (existing == null && age > workers.ageWarning()) {
                warnings.add(new RowError(row.row(), RosterColumn.ID_NUMBER.header(), "worker.age.warning", List.of(age)));
            }
            if (existing == null && row.phone() != null) {
                warnAboutSharedPhone(row, phoneHolders.getOrDefault(row.phone(), List.of()),
                        firstNewRowOfPhone.putIfAbsent(row.phone(), row), warnings);
            }
        }
        return file.finish(good -> {
            try {
                write(actor, project, checked, registered);
            }
            catch (org.springframework.dao.DuplicateKeyException raced) {
                // someone registered one of these people while the file was being checked: nothing was saved
                throw new BusinessRuleException("import.raced");
            }
            auditLog.recordAs(actor.getUsername(), AuditEvent.of("ROSTER_IMPORTED", "Project", projectId)
                    .inProject(project.getId(), project.getTownId()).detail(checked.size() + " rows from " + filename));
            int already = (int) checked.stream().filter(r -> registered.containsKey(r.protectedId().hash())).count();
            return new ImportResult(checked.size(), already, List.of(), warnings);
        }, ImportResult::new);
    }

    private Map<String, Registered> registeredByIdHash(List<CheckedRow> rows) {
        Map<String, Registered> found = new HashMap<>();
        List<String> hashes = rows.stream().map(r -> r.protectedId().hash()).toList();
        for (int from = 0; from < hashes.size(); from += 1000) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + 1000));
            jdbc.query("select id_number_hash, id, town_id from worker where id_number_hash = any (?)",
                    rs -> {
                        found.put(rs.getString(1), new Registered(rs.getLong(2), rs.getLong(3)));
                    }, (Object) chunk.toArray(String[]::new));
        }
        return found;
    }

    private Set<Long> activeOnProject(long projectId, java.util.Collection<Registered> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "select worker_id from enrollment where project_id = ? and status = 'ACTIVE' and worker_id = any (?)",
                Long.class, projectId, people.stream().map(Registered::workerId).toArray(Long[]::new)));
    }

    /**
     * The workers of the town registered with the phone numbers of the file's new people (a person
     * already registered keeps their registered phone: a file does not change it).
     */
    private Map<String, List<WorkerService.PhonePeer>> phoneHolders(long townId, List<CheckedRow> rows,
            Map<String, Registered> registered) {
        Map<String, List<WorkerService.PhonePeer>> holders = new HashMap<>();
        List<String> phones = rows.stream().filter(r -> r.phone() != null && !registered.containsKey(r.protectedId().hash()))
                .map(CheckedRow::phone).distinct().toList();
        for (int from = 0; from < phones.size(); from += 1000) {
            List<String> chunk = phones.subList(from, Math.min(phones.size(), from + 1000));
            jdbc.query("select phone, id, name, worker_code from worker where town_id = ? and phone = any (?) order by id",
                    rs -> {
                        holders.computeIfAbsent(rs.getString(1), p -> new ArrayList<>())
                                .add(new WorkerService.PhonePeer(rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }, townId, chunk.toArray(String[]::new));
        }
        return holders;
    }

    /** A new person's phone number that workers of the town, or an earlier new person of the file, have too. */
    private static void warnAboutSharedPhone(CheckedRow row, List<WorkerService.PhonePeer> holders, CheckedRow earlier,
            List<RowError> warnings) {
        String column = RosterColumn.PHONE.header();
        String masked = Masking.phone(row.phone());
        if (!holders.isEmpty()) {
            warnings.add(new RowError(row.row(), column, "worker.phone.shared",
                    java.util.Arrays.asList(new WorkerService.SharedPhone(masked, holders).messageArgs())));
        }
        if (earlier != null) {
            warnings.add(new RowError(row.row(), column, "import.phone.sameInFile", List.of(masked, earlier.row(), earlier.name())));
        }
    }

    private Map<String, Long> cardOwners(List<CheckedRow> rows) {
        Map<String, Long> owners = new HashMap<>();
        List<String> cards = rows.stream().filter(r -> r.bankCard() != null).map(r -> r.bankCard().hash()).toList();
        for (int from = 0; from < cards.size(); from += 1000) {
            List<String> chunk = cards.subList(from, Math.min(cards.size(), from + 1000));
            jdbc.query("select bank_card_hash, id from worker where bank_card_hash = any (?)",
                    rs -> {
                        owners.put(rs.getString(1), rs.getLong(2));
                    }, (Object) chunk.toArray(String[]::new));
        }
        return owners;
    }

    /** The roster's row rule: the registration form's rules, cell by cell; null when any cell is wrong. */
    private CheckedRow check(SheetImport.Row row, Map<String, Long> teamIds, LocalDate today) {
        String name = row.attempt(RosterColumn.NAME, () -> WorkerChecks.name(row.cell(RosterColumn.NAME)));
        ResidentIdNumber id = row.attempt(RosterColumn.ID_NUMBER, () -> {
            ResidentIdNumber parsed = ResidentIdNumber.parse(row.cell(RosterColumn.ID_NUMBER));
            WorkerChecks.minimumAge(parsed, today);
            return parsed;
        });
        String phone = row.attempt(RosterColumn.PHONE, () -> WorkerChecks.phone(row.cell(RosterColumn.PHONE)));
        String village = row.attempt(RosterColumn.VILLAGE, () -> {
            String text = row.cell(RosterColumn.VILLAGE);
            if (text.isBlank()) {
                throw new BusinessRuleException("worker.village.required");
            }
            return text;
        });
        String villageGroup = text(row, RosterColumn.VILLAGE_GROUP, 64);
        String householdNo = text(row, RosterColumn.HOUSEHOLD_NO, 32);
        String skills = text(row, RosterColumn.SKILLS, 200);
        String bankName = text(row, RosterColumn.BANK_NAME, 64);
        text(row, RosterColumn.INSURER, 100);
        text(row, RosterColumn.POLICY_NUMBER, 64);
        text(row, RosterColumn.VILLAGE, 64);
        HouseholdStatus household = row.attempt(RosterColumn.HOUSEHOLD_STATUS,
                () -> RosterLabels.household(row.cell(RosterColumn.HOUSEHOLD_STATUS)));
        ProtectedNumber card = row.attempt(RosterColumn.BANK_CARD,
                () -> workers.protectCard(row.cell(RosterColumn.BANK_CARD)));
        Long teamId = row.attempt(RosterColumn.TEAM, () -> {
            String team = row.cell(RosterColumn.TEAM);
            Long found = teamIds.get(team);
            if (found == null) {
                throw new BusinessRuleException("import.team.unknown", team, String.join("、", teamIds.keySet()));
            }
            return found;
        });
        Set<String> workerGroups = row.attempt(RosterColumn.GROUPS, () -> groups.parse(row.cell(RosterColumn.GROUPS)));
        RecruitmentSource source = row.attempt(RosterColumn.SOURCE, () -> RosterLabels.source(row.cell(RosterColumn.SOURCE)));
        LocalDate enrolledOn = date(row, RosterColumn.ENROLLED_ON);
        LocalDate signedOn = date(row, RosterColumn.CONTRACT_SIGNED_ON);
        LocalDate contractFrom = date(row, RosterColumn.CONTRACT_FROM);
        LocalDate contractTo = date(row, RosterColumn.CONTRACT_TO);
        LocalDate insuranceFrom = date(row, RosterColumn.INSURANCE_FROM);
        LocalDate insuranceTo = date(row, RosterColumn.INSURANCE_TO);
        if (row.rejected()) {
            return null;
        }
        EnrollmentForm enrollment = new EnrollmentForm(teamId, source, enrolledOn == null ? today : enrolledOn, signedOn, contractFrom, contractTo,
                row.cell(RosterColumn.INSURER), row.cell(RosterColumn.POLICY_NUMBER), insuranceFrom,
                insuranceTo, 0);
        // the same period rules as the enrollment form, checked on a throw-away enrollment
        boolean periodsOk = row.attempt(RosterColumn.INSURANCE_TO, () -> {
            new Enrollment(0, null, enrollment);
            return Boolean.TRUE;
        }) != null;
        if (!periodsOk) {
            return null;
        }
        return new CheckedRow(row.number(), name, id, workers.protectId(id), phone, village, villageGroup, householdNo,
                household, skills, bankName, card, enrollment, workerGroups);
    }

    private void write(SignedInUser actor, Project project, List<CheckedRow> rows, Map<String, Registered> registered) {
        String townCode = accounts.getTown(actor, project.getTownId()).getCode().replace("-", "").toUpperCase();
        List<CheckedRow> newPeople = rows.stream().filter(r -> !registered.containsKey(r.protectedId().hash())).toList();
        List<Long> ids = jdbc.queryForList(
                "select nextval(pg_get_serial_sequence('worker', 'id')) from generate_series(1, ?)", Long.class,
                newPeople.size());
        List<Long> codes = jdbc.queryForList("select nextval('worker_code_seq') from generate_series(1, ?)", Long.class,
                newPeople.size());
        Timestamp now = Timestamp.from(clock.instant());
        String by = actor.getUsername();
        List<Object[]> workerRows = new ArrayList<>(newPeople.size());
        List<Object[]> enrollmentRows = new ArrayList<>(rows.size());
        List<Object[]> groupRows = new ArrayList<>();
        List<AuditEvent> audit = new ArrayList<>(rows.size() * 2);
        Map<String, Long> workerIdOf = new HashMap<>();
        registered.forEach((hash, person) -> workerIdOf.put(hash, person.workerId()));
        for (int i = 0; i < newPeople.size(); i++) {
            CheckedRow r = newPeople.get(i);
            String code = townCode + String.format("%06d", codes.get(i));
            workerIdOf.put(r.protectedId().hash(), ids.get(i));
            ProtectedNumber card = r.bankCard();
            Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
            snapshot.put("workerCode", code);
            snapshot.put("name", r.name());
            snapshot.put("idNumber", r.protectedId().masked());
            snapshot.put("village", r.village());
            snapshot.put("householdStatus", r.householdStatus());
            snapshot.put("bankCard", card == null ? null : card.masked());
            snapshot.put("groups", List.copyOf(new java.util.TreeSet<>(r.groups())));
            for (String group : r.groups()) {
                groupRows.add(new Object[] { ids.get(i), group });
            }
            audit.add(AuditEvent.of("WORKER_REGISTERED", WorkerService.ENTITY, ids.get(i)).inProject(project.getId(), project.getTownId())
                    .change(null, snapshot).detail("roster import"));
            workerRows.add(new Object[] { ids.get(i), code, project.getTownId(),
                    r.name(), r.protectedId().cipher(), r.protectedId().hash(), r.protectedId().masked(),
                    Date.valueOf(r.id().birthDate()), r.id().sex().name(), r.phone(), r.village(), r.villageGroup(),
                    r.householdNo(), r.householdStatus().name(), r.skills(), r.bankName(),
                    card == null ? null : card.cipher(), card == null ? null : card.hash(), card == null ? null : card.masked(),
                    now, by, now, by });
        }
        for (CheckedRow r : rows) {
            EnrollmentForm e = r.enrollment();
            boolean insured = e.insuranceFrom() != null;
            long workerId = workerIdOf.get(r.protectedId().hash());
            enrollmentRows.add(new Object[] { project.getId(), workerId, e.teamId(), e.source().name(),
                    Date.valueOf(e.enrolledOn()), sqlDate(e.contractSignedOn()), sqlDate(e.contractFrom()),
                    sqlDate(e.contractTo()), insured ? e.insurer().trim() : null, insured ? e.policyNumber().trim() : null,
                    sqlDate(e.insuranceFrom()), sqlDate(e.insuranceTo()), now, by, now, by });
        }
        jdbc.batchUpdate("""
                insert into worker (id, worker_code, town_id, name, id_number_cipher, id_number_hash, id_number_masked,
                    birth_date, sex, phone, village, village_group, household_no, household_status, skills, bank_name,
                    bank_card_cipher, bank_card_hash, bank_card_masked, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                """, workerRows);
        // 重点群体 of the new people (a person already registered keeps their registered groups, as their other details)
        jdbc.batchUpdate("insert into worker_group_member (worker_id, group_code) values (?, ?)", groupRows);
        jdbc.batchUpdate("""
                insert into enrollment (project_id, worker_id, team_id, source, status, enrolled_on, contract_signed_on,
                    contract_from, contract_to, insurer, policy_number, insurance_from, insurance_to, version,
                    created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                """, enrollmentRows);
        List<Long> enrollmentIds = jdbc.queryForList("""
                select id from enrollment where project_id = ? and status = 'ACTIVE' and worker_id = any (?) order by id
                """, Long.class, project.getId(), rows.stream().map(r -> workerIdOf.get(r.protectedId().hash()))
                .toArray(Long[]::new));
        for (Long enrollmentId : enrollmentIds) {
            audit.add(AuditEvent.of("ENROLLED", EnrollmentService.ENTITY, enrollmentId).inProject(project.getId(), project.getTownId())
                    .detail("roster import"));
        }
        auditLog.recordAllAs(by, audit);
    }

    private static Date sqlDate(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static LocalDate date(SheetImport.Row row, RosterColumn column) {
        String text = row.cell(column);
        if (text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED, DOTTED)) {
            try {
                return LocalDate.parse(text, format);
            }
            catch (DateTimeParseException tryNext) {
                // next format
            }
        }
        row.reject(column, "import.date.format", text);
        return null;
    }

    /** An optional text cell: blank is null, longer than the column allows is a row error (never cut short). */
    private static String text(SheetImport.Row row, RosterColumn column, int max) {
        String text = row.optional(column);
        if (text != null && text.length() > max) {
            row.reject(column, "import.text.tooLong", max);
        }
        return text;
    }
}
