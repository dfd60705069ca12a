package org.workrelief.payout;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.TownSettings;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.db.RowStamp;
import org.workrelief.project.Project;

/**
 * The banks' file templates (银行文件模板): kept by finance and administrators, chosen per town (the
 * town's bank) and, by finance, per batch (a batch paid through another bank). The batch's choice wins
 * over the town's; with neither, today's layout.
 */
@Service
public class BankTemplates {

    static final String ENTITY = "BankTemplate";

    /** Today's bank file, as template columns (the form of a new template starts from it). */
    static final List<BankTemplate.Column> DEFAULT_COLUMNS = BankService.BANK_FILE_COLUMNS.stream()
            .map(title -> new BankTemplate.Column(BankField.named(title), title)).toList();
    static final List<BankTemplate.Column> DEFAULT_RESULT_COLUMNS = List.of(
            new BankTemplate.Column(BankField.CARD_NUMBER, "银行卡号"), new BankTemplate.Column(BankField.AMOUNT, "金额(元)"),
            new BankTemplate.Column(BankField.RESULT, "结果"), new BankTemplate.Column(BankField.REASON, "原因"),
            new BankTemplate.Column(BankField.REFERENCE, "交易流水号"));

    /** A town and the template chosen for it (null: today's layout). */
    public record TownChoice(long townId, String townName, Long templateId) {
    }

    private final JdbcClient jdbc;
    private final PayoutBatches batches;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TownSettings townSettings;

    BankTemplates(JdbcClient jdbc, PayoutBatches batches, AuditLog auditLog, Clock clock, TownSettings townSettings) {
        this.townSettings = townSettings;
        this.jdbc = jdbc;
        this.batches = batches;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BankTemplate> all() {
        return jdbc.sql("select * from bank_file_template order by name").query(Row.class).stream().map(Row::template)
                .toList();
    }

    @Transactional(readOnly = true)
    public BankTemplate get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private Optional<BankTemplate> find(long id) {
        return jdbc.sql("select * from bank_file_template where id = :id").param("id", id).query(Row.class).optional()
                .map(Row::template);
    }

    @Transactional(readOnly = true)
    public BankTemplateForm formOf(SignedInUser actor, long id) {
        actor.require(Role.FINANCE, Role.ADMIN);
        BankTemplate t = get(id);
        return new BankTemplateForm(t.name(), t.bankName(), BankTemplate.display(t.columns()),
                BankTemplate.display(t.resultColumns()), t.encoding(), t.format(), t.headerRow(), t.totalsRow(), t.version());
    }

    @Transactional
    public BankTemplate create(SignedInUser actor, BankTemplateForm form) {
        actor.require(Role.FINANCE, Role.ADMIN);
        Checked c = check(form);
        long id;
        try {
            id = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                    insert into bank_file_template (name, bank_name, columns, result_columns, encoding, file_format,
                        header_row, totals_row, %s)
                    values (:name, :bankName, :columns, :resultColumns, :encoding, :fileFormat, :headerRow, :totalsRow, %s)
                    returning id
                    """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).params(values(c, form)).query(Long.class).single();
        }
        catch (DuplicateKeyException taken) {
            throw new BusinessRuleException("payout.bankTemplate.name.taken");
        }
        BankTemplate created = get(id);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("BANK_TEMPLATE_SAVED", ENTITY, id)
                .change(null, snapshot(created)));
        return created;
    }

    @Transactional
    public BankTemplate update(SignedInUser actor, long id, BankTemplateForm form) {
        actor.require(Role.FINANCE, Role.ADMIN);
        BankTemplate before = get(id);
        Checked c = check(form);
        int changed;
        try {
            changed = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                    update bank_file_template set name = :name, bank_name = :bankName, columns = :columns,
                        result_columns = :resultColumns, encoding = :encoding, file_format = :fileFormat,
                        header_row = :headerRow, totals_row = :totalsRow, %s
                    where id = :id and version = :version
                    """.formatted(RowStamp.UPDATED))).params(values(c, form)).param("id", id).param("version", form.version())
                    .update();
        }
        catch (DuplicateKeyException taken) {
            throw new BusinessRuleException("payout.bankTemplate.name.taken");
        }
        if (changed == 0) {
            throw new BusinessRuleException("payout.bankTemplate.stale");
        }
        BankTemplate after = get(id);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("BANK_TEMPLATE_SAVED", ENTITY, id)
                .change(snapshot(before), snapshot(after)));
        return after;
    }

    /** The towns the user may see, each with its template. */
    @Transactional(readOnly = true)
    public List<TownChoice> townChoices(SignedInUser viewer) {
        return jdbc.sql("select id as town_id, name as town_name, bank_template_id as template_id from town_setting order by code")
                .query(TownChoice.class).stream().filter(t -> viewer.maySee(t.townId())).toList();
    }

    /** A town's template (null: today's layout); by its finance or an administrator who may see it. */
    @Transactional
    public void chooseForTown(SignedInUser actor, long townId, Long templateId) {
        actor.require(Role.FINANCE, Role.ADMIN);
        if (!actor.maySee(townId)) {
            throw new NotFoundException("Town", townId);
        }
        if (templateId != null) {
            get(templateId);
        }
        Long before = townSettings.setBankTemplate(townId, templateId);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("BANK_TEMPLATE_CHOSEN", "Town", townId).inTown(townId)
                .change(mapOf("template", before), mapOf("template", templateId)));
    }

    /** A batch's template, by finance, until its bank answer is in (null: the town's). */
    @Transactional
    public void chooseForBatch(SignedInUser actor, long batchId, Long templateId) {
        actor.require(Role.FINANCE);
        PayoutBatch batch = batches.lockedBatch(actor, batchId);
        if (batch.status() == BatchStatus.SETTLED) {
            throw new BusinessRuleException("payout.bankTemplate.batch.settled");
        }
        if (templateId != null) {
            get(templateId);
        }
        Long before = chosenForBatch(batchId);
        jdbc.sql("update payout_batch set bank_template_id = :templateId where id = :batchId").param("templateId", templateId)
                .param("batchId", batchId).update();
        Project project = batches.projectOf(actor, batch);
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("BANK_TEMPLATE_CHOSEN", PayoutBatches.ENTITY, batchId)
                .inProject(project.getId(), project.getTownId())
                .change(mapOf("template", before), mapOf("template", templateId)));
    }

    /** The template chosen for the batch itself (not the town's), if any. */
    @Transactional(readOnly = true)
    public Long chosenForBatch(long batchId) {
        return DataAccessUtils.nullableSingleResult(jdbc.sql("select bank_template_id from payout_batch where id = :batchId")
                .param("batchId", batchId).query(Long.class).list());
    }

    /** The template the batch's files use: its own, else its town's; empty: today's layout. */
    @Transactional(readOnly = true)
    public Optional<BankTemplate> effective(long batchId) {
        // no such batch is an error, as before; a batch and town without a template are today's layout
        Long id = DataAccessUtils.nullableSingleResult(jdbc.sql("""
                select coalesce(b.bank_template_id, t.bank_template_id) from payout_batch b
                join project_name p on p.id = b.project_id join town_setting t on t.id = p.town_id where b.id = :batchId
                """).param("batchId", batchId).query(Long.class).list());
        return id == null ? Optional.empty() : find(id);
    }

    private record Checked(String name, String bankName, List<BankTemplate.Column> columns,
            List<BankTemplate.Column> resultColumns) {
    }

    /**
     * The bank file needs the name, the card number and the amount, and none of the bank's answers; the result
     * file needs the amount, the result, and the card or ID number to find the line by.
     */
    static Checked check(BankTemplateForm form) {
        String name = form.name() == null ? "" : form.name().trim();
        String bankName = form.bankName() == null ? "" : form.bankName().trim();
        if (name.isEmpty() || name.length() > 64) {
            throw new BusinessRuleException("payout.bankTemplate.name.required");
        }
        if (bankName.isEmpty() || bankName.length() > 64) {
            throw new BusinessRuleException("payout.bankTemplate.bankName.required");
        }
        if (form.encoding() == null || form.format() == null) {
            throw new BusinessRuleException("payout.bankTemplate.format.required");
        }
        List<BankTemplate.Column> columns = BankTemplate.parse(form.columns());
        List<BankTemplate.Column> results = BankTemplate.parse(form.resultColumns());
        for (BankField needed : List.of(BankField.NAME, BankField.CARD_NUMBER, BankField.AMOUNT)) {
            if (BankTemplate.indexOf(columns, needed) < 0) {
                throw new BusinessRuleException("payout.bankTemplate.columns.missing", needed.title());
            }
        }
        columns.stream().filter(c -> !c.field().inBankFile()).findFirst().ifPresent(c -> {
            throw new BusinessRuleException("payout.bankTemplate.columns.answer", c.field().title());
        });
        if (BankTemplate.indexOf(results, BankField.AMOUNT) < 0 || BankTemplate.indexOf(results, BankField.RESULT) < 0
                || (BankTemplate.indexOf(results, BankField.CARD_NUMBER) < 0
                        && BankTemplate.indexOf(results, BankField.ID_NUMBER) < 0)) {
            throw new BusinessRuleException("payout.bankTemplate.resultColumns.missing");
        }
        if (BankTemplate.format(columns).length() > 2000 || BankTemplate.format(results).length() > 2000) {
            throw new BusinessRuleException("payout.bankTemplate.column.title", columns.size());
        }
        return new Checked(name, bankName, columns, results);
    }

    private static Map<String, Object> snapshot(BankTemplate t) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("name", t.name());
        map.put("bankName", t.bankName());
        map.put("columns", String.join(",", t.titles()));
        map.put("resultColumns", String.join(",", t.resultColumns().stream().map(BankTemplate.Column::title).toList()));
        map.put("encoding", t.encoding());
        map.put("format", t.format());
        map.put("headerRow", t.headerRow());
        map.put("totalsRow", t.totalsRow());
        return map;
    }

    private static Map<String, Object> mapOf(String key, Object value) {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(key, value);
        return map;
    }

    /** The form's values as the insert and the update name them. */
    private static Map<String, Object> values(Checked c, BankTemplateForm form) {
        return Map.of("name", c.name(), "bankName", c.bankName(), "columns", BankTemplate.format(c.columns()),
                "resultColumns", BankTemplate.format(c.resultColumns()), "encoding", form.encoding().name(),
                "fileFormat", form.format().name(), "headerRow", form.headerRow(), "totalsRow", form.totalsRow());
    }

    /** A row of bank_file_template, by column name; its column lists are the text {@link BankTemplate#format} wrote. */
    private record Row(long id, String name, String bankName, String columns, String resultColumns,
            BankTemplate.Encoding encoding, BankService.Format fileFormat, boolean headerRow, boolean totalsRow, long version) {

        BankTemplate template() {
            return new BankTemplate(id, name, bankName, BankTemplate.parse(columns), BankTemplate.parse(resultColumns),
                    encoding, fileFormat, headerRow, totalsRow, version);
        }
    }
}
