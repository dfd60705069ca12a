package org.workrelief.asset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.Texts;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/**
 * The asset transfer (one per project), the assets in it, the yearly dividends and their split
 * among households, and the operation-phase jobs. Administrators keep them; everyone who may see
 * the project reads them. Every change is audited.
 */
@Service
public class AssetService {

    static final String ENTITY = "AssetTransfer";

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final AuditLog auditLog;
    private final Clock clock;

    AssetService(JdbcTemplate jdbc, ProjectService projects, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- transfer and assets ------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<AssetTransfer> transfer(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return transferOf(projectId);
    }

    Optional<AssetTransfer> transferOf(long projectId) {
        return jdbc.query("select * from asset_transfer where project_id = ?", AssetService::toTransfer, projectId)
                .stream().findFirst();
    }

    public record AssetForm(String receiver, LocalDate handedOverOn, String documentRef, String company,
            BigDecimal equityPercent, BigDecimal valuation, BigDecimal guaranteedDividend, long version) {
    }

    /** Records or changes the project's transfer (the version the user saw guards against a lost update). */
    @Transactional
    public AssetTransfer saveTransfer(SignedInUser actor, long projectId, AssetForm form) {
        Project project = adminProject(actor, projectId);
        String receiver = Texts.required(form.receiver(), 100, "asset.receiver.required");
        String document = Texts.required(form.documentRef(), 100, "asset.document.required");
        if (form.handedOverOn() == null) {
            throw new BusinessRuleException("asset.date.required");
        }
        if (form.handedOverOn().isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleException("asset.date.future");
        }
        if (form.equityPercent() != null && (form.equityPercent().signum() <= 0
                || form.equityPercent().compareTo(BigDecimal.valueOf(100)) > 0
                || form.equityPercent().stripTrailingZeros().scale() > 2)) {
            throw new BusinessRuleException("asset.equity.range");
        }
        BigDecimal guarantee = money(form.guaranteedDividend() == null ? BigDecimal.ZERO : form.guaranteedDividend());
        BigDecimal valuation = form.valuation() == null ? null : money(form.valuation());
        String company = form.company() == null || form.company().isBlank() ? null : Texts.required(form.company(), 100,
                "asset.company.tooLong");
        Optional<AssetTransfer> before = transferOf(projectId);
        Timestamp now = Timestamp.from(clock.instant());
        if (before.isEmpty()) {
            jdbc.update("""
                    insert into asset_transfer (project_id, receiver, handed_over_on, document_ref, company, equity_percent,
                                                valuation, guaranteed_dividend, created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, projectId, receiver, Date.valueOf(form.handedOverOn()), document, company, form.equityPercent(),
                    valuation, guarantee, now, actor.getUsername(), now, actor.getUsername());
        }
        else if (jdbc.update("""
                update asset_transfer set receiver = ?, handed_over_on = ?, document_ref = ?, company = ?, equity_percent = ?,
                    valuation = ?, guaranteed_dividend = ?, version = version + 1, updated_at = ?, updated_by = ?
                where project_id = ? and version = ?
                """, receiver, Date.valueOf(form.handedOverOn()), document, company, form.equityPercent(), valuation,
                guarantee, now, actor.getUsername(), projectId, form.version()) == 0) {
            throw new BusinessRuleException("asset.stale");
        }
        AssetTransfer after = transferOf(projectId).orElseThrow();
        audit(actor, "ASSET_TRANSFER_SAVED", ENTITY, after.id(), project, before.orElse(null), after);
        return after;
    }

    public record Asset(long id, String name, BigDecimal value) {
    }

    @Transactional(readOnly = true)
    public List<Asset> assets(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return jdbc.query("""
                select a.id, a.name, a.value from transferred_asset a join asset_transfer t on t.id = a.transfer_id
                where t.project_id = ? order by a.id
                """, (rs, i) -> new Asset(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)), projectId);
    }

    @Transactional
    public void addAsset(SignedInUser actor, long projectId, String name, BigDecimal value) {
        Project project = adminProject(actor, projectId);
        AssetTransfer transfer = transferOf(projectId).orElseThrow(() -> new BusinessRuleException("asset.transfer.first"));
        String what = Texts.required(name, 100, "asset.name.required");
        if (value == null || value.signum() <= 0) {
            throw new BusinessRuleException("asset.value.invalid");
        }
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("""
                insert into transferred_asset (transfer_id, name, value, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, transfer.id(), what, money(value), now, actor.getUsername(), now, actor.getUsername());
        audit(actor, "ASSET_ADDED", "TransferredAsset", id, project, null, Map.of("name", what, "value", money(value)));
    }

    // --- dividends ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Dividend> dividends(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        BigDecimal guarantee = transferOf(projectId).map(AssetTransfer::guaranteedDividend).orElse(BigDecimal.ZERO);
        return jdbc.query("select * from dividend where project_id = ? order by year", (rs, i) -> new Dividend(
                rs.getLong("id"), rs.getLong("project_id"), rs.getInt("year"), rs.getBigDecimal("amount"),
                rs.getDate("received_on").toLocalDate(),
                rs.getString("split_rule") == null ? null : SplitRule.valueOf(rs.getString("split_rule")),
                rs.getBigDecimal("amount").compareTo(guarantee) < 0), projectId);
    }

    @Transactional
    public Dividend recordDividend(SignedInUser actor, long projectId, int year, BigDecimal amount, LocalDate receivedOn) {
        Project project = adminProject(actor, projectId);
        transferOf(projectId).orElseThrow(() -> new BusinessRuleException("asset.transfer.first"));
        if (amount == null || amount.signum() < 0) {
            throw new BusinessRuleException("asset.dividend.amount");
        }
        if (receivedOn == null || receivedOn.isAfter(LocalDate.now(clock)) || year < 2000 || year > receivedOn.getYear()) {
            throw new BusinessRuleException("asset.dividend.date");
        }
        Timestamp now = Timestamp.from(clock.instant());
        // the unique key decides between two clerks recording the same year at once
        List<Long> inserted = jdbc.queryForList("""
                insert into dividend (project_id, year, amount, received_on, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (project_id, year) do nothing returning id
                """, Long.class, projectId, year, money(amount), Date.valueOf(receivedOn), now, actor.getUsername(), now,
                actor.getUsername());
        if (inserted.isEmpty()) {
            throw new BusinessRuleException("asset.dividend.duplicate", String.valueOf(year));
        }
        long id = inserted.get(0);
        audit(actor, "DIVIDEND_RECORDED", "Dividend", id, project, null, Map.of("year", year, "amount", money(amount)));
        return dividends(actor, projectId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<DividendSplit.Share> shares(SignedInUser viewer, long dividendId) {
        dividend(viewer, dividendId);
        return jdbc.query("select household, weight, amount from dividend_share where dividend_id = ? order by id",
                (rs, i) -> new DividendSplit.Share(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), dividendId);
    }

    /** One page of a dividend's shares, in the order the households were listed (a split may have hundreds). */
    @Transactional(readOnly = true)
    public Page<DividendSplit.Share> shares(SignedInUser viewer, long dividendId, Pageable page) {
        dividend(viewer, dividendId);
        long total = jdbc.queryForObject("select count(*) from dividend_share where dividend_id = ?", Long.class, dividendId);
        List<DividendSplit.Share> rows = jdbc.query("""
                select household, weight, amount from dividend_share where dividend_id = ? order by id limit ? offset ?
                """, (rs, i) -> new DividendSplit.Share(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
                dividendId, page.getPageSize(), page.getOffset());
        return new PageImpl<>(rows, page, total);
    }

    /**
     * Splits a dividend among households (one per line: name, or name and weight for a weighted
     * split), replacing an earlier split. The shares add up to the dividend to the fen (DividendSplit).
     */
    @Transactional
    public List<DividendSplit.Share> split(SignedInUser actor, long dividendId, SplitRule rule, String householdLines) {
        Dividend dividend = dividend(actor, dividendId);
        Project project = adminProject(actor, dividend.projectId());
        if (rule == null) {
            throw new BusinessRuleException("asset.split.rule");
        }
        List<DividendSplit.Household> households = parseHouseholds(householdLines, rule);
        // one split of a dividend at a time
        jdbc.queryForList("select id from dividend where id = ? for update", Long.class, dividendId);
        List<DividendSplit.Share> shares = DividendSplit.split(dividend.amount(), households);
        jdbc.update("delete from dividend_share where dividend_id = ?", dividendId);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into dividend_share (dividend_id, household, weight, amount, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, shares.stream().map(s -> new Object[] { dividendId, s.household(), s.weight(), s.amount(), now,
                actor.getUsername(), now, actor.getUsername() }).toList());
        jdbc.update("update dividend set split_rule = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ?",
                rule.name(), now, actor.getUsername(), dividendId);
        audit(actor, "DIVIDEND_SPLIT", "Dividend", dividendId, project, null,
                Map.of("rule", rule.name(), "households", shares.size(), "amount", dividend.amount()));
        return shares;
    }

    static List<DividendSplit.Household> parseHouseholds(String lines, SplitRule rule) {
        List<DividendSplit.Household> households = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[,，\\t]");
            String name = parts[0].trim();
            if (name.isEmpty() || name.length() > 100 || !seen.add(name)) {
                throw new BusinessRuleException("asset.split.household", number);
            }
            BigDecimal weight = BigDecimal.ONE;
            if (rule == SplitRule.WEIGHTED) {
                try {
                    weight = new BigDecimal(parts.length > 1 ? parts[1].trim() : "");
                }
                catch (NumberFormatException bad) {
                    throw new BusinessRuleException("asset.split.weight", number);
                }
                if (weight.signum() <= 0 || weight.stripTrailingZeros().scale() > 2
                        || weight.compareTo(new BigDecimal("100000000")) >= 0) {
                    throw new BusinessRuleException("asset.split.weight", number);
                }
            }
            households.add(new DividendSplit.Household(name, weight));
        }
        if (households.isEmpty()) {
            throw new BusinessRuleException("asset.split.empty");
        }
        return households;
    }

    private Dividend dividend(SignedInUser viewer, long dividendId) {
        Long projectId = jdbc.query("select project_id from dividend where id = ?", (rs, i) -> rs.getLong(1), dividendId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("Dividend", dividendId));
        return dividends(viewer, projectId).stream().filter(d -> d.id() == dividendId).findFirst().orElseThrow();
    }

    // --- operation-phase jobs -----------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<OperationJob> jobs(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return jdbc.query("""
                select j.*, w.worker_code, w.name from operation_job j join worker_name w on w.id = j.worker_id
                where j.project_id = ? order by j.year desc, j.kind, w.worker_code
                """, (rs, i) -> new OperationJob(rs.getLong("id"), rs.getLong("project_id"), rs.getInt("year"),
                JobKind.valueOf(rs.getString("kind")), rs.getString("position"), rs.getLong("worker_id"),
                rs.getString("worker_code"), rs.getString("name")), projectId);
    }

    /** One page of the jobs: the latest year first, then long-term before seasonal, by worker code. */
    @Transactional(readOnly = true)
    public Page<OperationJob> jobs(SignedInUser viewer, long projectId, Pageable page) {
        projects.get(viewer, projectId);
        long total = jdbc.queryForObject("select count(*) from operation_job where project_id = ?", Long.class, projectId);
        List<OperationJob> rows = jdbc.query("""
                select j.*, w.worker_code, w.name from operation_job j join worker_name w on w.id = j.worker_id
                where j.project_id = ? order by j.year desc, j.kind, w.worker_code limit ? offset ?
                """, (rs, i) -> new OperationJob(rs.getLong("id"), rs.getLong("project_id"), rs.getInt("year"),
                JobKind.valueOf(rs.getString("kind")), rs.getString("position"), rs.getLong("worker_id"),
                rs.getString("worker_code"), rs.getString("name")), projectId, page.getPageSize(), page.getOffset());
        return new PageImpl<>(rows, page, total);
    }

    @Transactional
    public void addJob(SignedInUser actor, long projectId, int year, JobKind kind, String position, String workerCode) {
        actor.require(Role.ADMIN, Role.STAFF);
        Project project = projects.get(actor, projectId);
        if (kind == null) {
            throw new BusinessRuleException("job.kind.required");
        }
        String what = Texts.required(position, 64, "job.position.required");
        if (year < 2000 || year > LocalDate.now(clock).getYear() + 1) {
            throw new BusinessRuleException("job.year.invalid");
        }
        List<Long> worker = jdbc.queryForList("""
                select distinct w.id from worker_name w join enrollment_period e on e.worker_id = w.id
                where w.worker_code = ? and e.project_id = ?
                """, Long.class, workerCode == null ? "" : workerCode.trim(), projectId);
        if (worker.isEmpty()) {
            throw new BusinessRuleException("job.worker.notOfProject");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int added = jdbc.update("""
                insert into operation_job (project_id, year, kind, position, worker_id, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """, projectId, year, kind.name(), what, worker.get(0), now, actor.getUsername(), now, actor.getUsername());
        if (added == 0) {
            throw new BusinessRuleException("job.duplicate");
        }
        audit(actor, "OPERATION_JOB_ADDED", "OperationJob", projectId + "/" + year, project, null,
                Map.of("year", year, "kind", kind.name(), "position", what, "worker", worker.get(0)));
    }

    /** Jobs per year: long-term and seasonal, each person counted once per kind. */
    public record JobYear(int year, int longTerm, int seasonal) {
    }

    @Transactional(readOnly = true)
    public List<JobYear> jobsPerYear(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return jdbc.query("""
                select year, count(distinct worker_id) filter (where kind = 'LONG_TERM'),
                       count(distinct worker_id) filter (where kind = 'SEASONAL')
                from operation_job where project_id = ? group by year order by year
                """, (rs, i) -> new JobYear(rs.getInt(1), rs.getInt(2), rs.getInt(3)), projectId);
    }

    // --- helpers ------------------------------------------------------------------------------

    private Project adminProject(SignedInUser actor, long projectId) {
        actor.require(Role.ADMIN);
        return projects.get(actor, projectId);
    }

    private void audit(SignedInUser actor, String action, String entity, Object id, Project project, Object before,
            Object after) {
        auditLog.recordAs(actor.getUsername(), AuditEvent.of(action, entity, id)
                .inProject(project.getId(), project.getTownId()).change(before, after));
    }

    /** Yuan to the fen, below ten billion (the columns' range). */
    private static BigDecimal money(BigDecimal amount) {
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("money.format");
        }
        if (amount.compareTo(new BigDecimal("10000000000")) >= 0) {
            throw new BusinessRuleException("money.tooLarge");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static AssetTransfer toTransfer(ResultSet rs, int row) throws SQLException {
        return new AssetTransfer(rs.getLong("id"), rs.getLong("project_id"), rs.getString("receiver"),
                rs.getDate("handed_over_on").toLocalDate(), rs.getString("document_ref"), rs.getString("company"),
                rs.getBigDecimal("equity_percent"), rs.getBigDecimal("valuation"), rs.getBigDecimal("guaranteed_dividend"),
                rs.getLong("version"));
    }
}
