package org.workrelief.payout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.common.db.RowStamp;
import org.workrelief.common.sheet.RowError;
import org.workrelief.common.sheet.SheetImport;
import org.workrelief.common.sheet.SheetImport.Column;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.project.Project;

/**
 * What finance sends to and gets back from the bank: the bank file of a released batch (the only
 * place full ID and card numbers leave the system; finance only, every download audited), the
 * bank's results (all rows or none), the follow-up batch for failed lines and settling the batch.
 */
@Service
public class BankService {

    public static final List<String> BANK_FILE_COLUMNS = List.of("序号", "姓名", "身份证号", "银行卡号", "开户银行", "金额(元)", "备注");
    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    /** For the bank's answers, marked in two JDBC batches: {@link JdbcClient} has no batch update. */
    private final NamedParameterJdbcTemplate batched;
    private final PayoutBatches batches;
    private final DataProtector protector;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final ApplicationEventPublisher events;
    private final BankTemplates templates;

    BankService(JdbcClient jdbc, NamedParameterJdbcTemplate batched, PayoutBatches batches, DataProtector protector,
            AuditLog auditLog, Clock clock, PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
            BankTemplates templates) {
        this.jdbc = jdbc;
        this.batched = batched;
        this.templates = templates;
        this.events = events;
        this.batches = batches;
        this.protector = protector;
        this.auditLog = auditLog;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    public enum Format {
        CSV, XLSX
    }

    /** How each column of the bank file is written in XLSX: serial and amount as numbers, the rest as text. */
    static final List<SheetWriter.Kind> BANK_FILE_KINDS = List.of(SheetWriter.Kind.INTEGER, SheetWriter.Kind.TEXT,
            SheetWriter.Kind.TEXT, SheetWriter.Kind.TEXT, SheetWriter.Kind.TEXT, SheetWriter.Kind.MONEY, SheetWriter.Kind.TEXT);

    /**
     * Writes the bank file (银行代发文件): one row per line with full ID and card numbers, and nothing
     * else (no totals row: the bank's reader takes every row for a payment; the totals are on the
     * batch page and the confirmation sheets). The CSV is plain, for the bank's system; the XLSX is the
     * one to open in Excel: ID and card numbers are text cells, serial numbers and amounts numeric.
     * Rows stream from the database a thousand at a time, so 100,000 lines fit in little memory. The
     * download is audited before the first byte leaves.
     */
    public void writeBankFile(SignedInUser actor, long batchId, Format format, OutputStream out) throws IOException {
        writeBankFile(actor, batchId, format, null, out);
    }

    /**
     * The bank file in a bank's template ({@link BankTemplate}): its columns in its order with its titles, its
     * encoding, CSV or XLSX, with or without a header row, and with a totals row (合计, the count and the sum)
     * where the template asks for one. Audited like the plain file; the template is named in the log.
     */
    public void writeBankFile(SignedInUser actor, long batchId, BankTemplate template, OutputStream out) throws IOException {
        writeBankFile(actor, batchId, template.format(), template, out);
    }

    private record Payment(int serial, String name, String idNumber, String cardNumber, String bank,
            org.workrelief.worker.AccountKind kind, BigDecimal amount, String note) {

        Object value(BankField field) {
            return switch (field) {
                case SERIAL -> serial;
                case NAME -> name;
                case ID_NUMBER -> idNumber;
                case CARD_NUMBER -> cardNumber;
                case BANK -> bank;
                case ACCOUNT_KIND -> kind.label();
                case AMOUNT -> amount;
                case NOTE -> note;
                default -> "";
            };
        }

        /** Today's layout: BANK_FILE_COLUMNS; the account kind in the remark. */
        List<Object> plain() {
            return List.of(serial, name, idNumber, cardNumber, bank, amount, note + " " + kind.label());
        }
    }

    private void writeBankFile(SignedInUser actor, long batchId, Format format, BankTemplate template, OutputStream out)
            throws IOException {
        requireFinance(actor, batchId, format);
        PayoutBatch batch = batches.batch(actor, batchId);
        if (batch.status() != BatchStatus.RELEASED && batch.status() != BatchStatus.SETTLED) {
            throw new BusinessRuleException("payout.bankFile.notReleased");
        }
        Project project = batches.projectOf(actor, batch);
        transaction.executeWithoutResult(status -> auditLog.recordAs(actor.getUsername(),
                AuditEvent.of("BANK_FILE_DOWNLOADED", PayoutBatches.ENTITY, batchId)
                        .inProject(project.getId(), project.getTownId())
                        .detail(template == null ? format.name() : format.name() + " " + template.name())));
        IOException[] failure = new IOException[1];
        readOnly.executeWithoutResult(status -> {
            // a thousand rows a fetch (a cursor, in the read-only transaction), each read by column name straight into
            // its Payment: on 100,000 lines a plain mapper, not the reflective one of query(Class), stays as cheap per row
            try (Stream<Payment> payments = jdbc.sql("""
                    select w.name, w.id_number_cipher, l.bank_card_cipher, l.bank_name, l.amount_payable, l.team_name,
                           l.account_kind
                    from payout_line l join worker_payee_account w on w.id = l.worker_id
                    where l.batch_id = :batchId order by l.team_id, w.worker_code
                    """).withFetchSize(FETCH_SIZE).param("batchId", batchId).query((rs, i) -> new Payment(i + 1,
                    rs.getString("name"), protector.decrypt(rs.getString("id_number_cipher")),
                    protector.decrypt(rs.getString("bank_card_cipher")), nullToEmpty(rs.getString("bank_name")),
                    org.workrelief.worker.AccountKind.of(rs.getString("account_kind")),
                    rs.getBigDecimal("amount_payable").setScale(2),
                    project.getCode() + " " + batch.periodFrom() + "~" + batch.periodTo() + " " + rs.getString("team_name")))
                    .stream()) {
                if (template != null) {
                    BankFiles.write(template, payments, out);
                }
                else if (format == Format.CSV) {
                    Iterable<List<String>> all = () -> payments.map(Payment::plain).map(BankService::asCsv).iterator();
                    SheetWriter.csv(BANK_FILE_COLUMNS, all, out);
                }
                else {
                    Iterable<List<Object>> all = () -> payments.map(Payment::plain).iterator();
                    SheetWriter.xlsx("银行代发", BANK_FILE_COLUMNS, BANK_FILE_KINDS, all, out);
                }
            }
            catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Writes a template's bank file: rows of the payments' fields, a totals row if asked for. */
    private static final class BankFiles {

        static final String TOTALS = "合计";

        static void write(BankTemplate template, Stream<Payment> payments, OutputStream out) throws IOException {
            List<BankTemplate.Column> columns = template.columns();
            int amountAt = BankTemplate.indexOf(columns, BankField.AMOUNT);
            BigDecimal[] sum = { BigDecimal.ZERO };
            int[] count = { 0 };
            java.util.Iterator<Payment> each = payments.iterator();
            java.util.Iterator<List<Object>> rows = new java.util.Iterator<>() {
                boolean totalsDone = !template.totalsRow();

                public boolean hasNext() {
                    return each.hasNext() || !totalsDone;
                }

                public List<Object> next() {
                    if (each.hasNext()) {
                        Payment p = each.next();
                        sum[0] = sum[0].add(p.amount());
                        count[0]++;
                        return columns.stream().map(c -> p.value(c.field())).toList();
                    }
                    totalsDone = true;
                    List<Object> totals = new ArrayList<>(java.util.Collections.nCopies(columns.size(), ""));
                    // 合计（4笔） in the first column other than the amount's, the sum under the amounts
                    totals.set(amountAt == 0 ? 1 : 0, TOTALS + "（" + count[0] + "笔）");
                    totals.set(amountAt, sum[0]);
                    return totals;
                }
            };
            List<String> headers = template.headerRow() ? template.titles() : null;
            if (template.format() == Format.XLSX) {
                List<SheetWriter.Kind> kinds = columns.stream().map(c -> c.field() == BankField.SERIAL ? SheetWriter.Kind.INTEGER
                        : c.field() == BankField.AMOUNT ? SheetWriter.Kind.MONEY : SheetWriter.Kind.TEXT).toList();
                Iterable<List<Object>> all = () -> rows;
                SheetWriter.xlsx("银行代发", headers, kinds, all, out);
            }
            else {
                Iterable<List<String>> all = () -> java.util.stream.StreamSupport
                        .stream(java.util.Spliterators.spliteratorUnknownSize(rows, 0), false).map(BankService::asCsv).iterator();
                SheetWriter.csv(headers, all, out, template.encoding() == BankTemplate.Encoding.GBK
                        ? java.nio.charset.Charset.forName("GB18030") : java.nio.charset.StandardCharsets.UTF_8,
                        template.encoding() == BankTemplate.Encoding.UTF8_BOM);
            }
        }
    }

    /** A row of the CSV: every value as plain text (amounts as 800.00), nothing added for Excel. */
    private static List<String> asCsv(List<Object> row) {
        return row.stream().map(value -> value instanceof BigDecimal amount ? amount.toPlainString() : String.valueOf(value))
                .toList();
    }

    /** The outcome of a bank result import: lines marked, or every row that does not match. */
    public record ResultImport(int paid, int failed, int stillPending, boolean settled, List<RowError> errors) {

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    private record Match(long lineId, long workerId, BigDecimal payable, LineStatus status) {
    }

    /** A good row of the bank's answer: paid or failed, with what its line's update binds, by name. */
    private record Answer(boolean paid, long lineId, Date paidOn, String reason, String reference, Timestamp failedAt) {
    }

    /**
     * The bank's answer (CSV/XLSX: card or ID number, amount, 成功/失败, reason): each row must match
     * a line of the batch by card or ID number and its exact amount; one bad row and nothing is
     * marked. The batch is settled when every line is paid or re-issued.
     */
    public ResultImport importResults(SignedInUser actor, long batchId, String filename, InputStream in) throws IOException {
        actor.require(Role.FINANCE);
        PayoutBatch batch = batches.batch(actor, batchId);
        if (batch.status() != BatchStatus.RELEASED) {
            throw new BusinessRuleException("payout.results.notReleased");
        }
        BankTemplate template = templates.effective(batchId).orElse(null);
        boolean headerRow = template == null || template.headerRow();
        Column card = column(template, BankField.CARD_NUMBER, "银行卡号", "账号", "卡号");
        Column id = column(template, BankField.ID_NUMBER, "身份证号", "证件号码");
        Column amount = column(template, BankField.AMOUNT, "金额", "金额(元)");
        Column result = column(template, BankField.RESULT, "结果", "处理结果");
        Column reason = column(template, BankField.REASON, "原因", "失败原因", "备注");
        Column reference = column(template, BankField.REFERENCE, "交易流水号", "流水号", "银行流水号", "交易参考号");
        SheetImport sheet = SheetImport.read(filename, in, headerRow).require(card, id).require(amount).require(result);
        if (!sheet.missing().isEmpty()) {
            return new ResultImport(0, 0, 0, false, sheet.missing());
        }
        return transaction.execute(status -> {
            // one import at a time per batch, against the lines as they are now
            if (batches.lockedBatch(actor, batchId).status() != BatchStatus.RELEASED) {
                throw new BusinessRuleException("payout.results.notReleased");
            }
            Map<String, Match> byCard = new HashMap<>();
            Map<String, Match> byId = new HashMap<>();
            // every line of the batch, read by column name row by row into the two maps
            jdbc.sql("""
                    select l.id, l.worker_id, l.amount_payable, l.status, l.bank_card_hash, w.id_number_hash
                    from payout_line l join worker_payee_account w on w.id = l.worker_id where l.batch_id = :batchId
                    """).param("batchId", batchId).query(rs -> {
                Match match = new Match(rs.getLong("id"), rs.getLong("worker_id"), rs.getBigDecimal("amount_payable"),
                        LineStatus.valueOf(rs.getString("status")));
                String cardHash = rs.getString("bank_card_hash");
                if (cardHash != null) {
                    byCard.put(cardHash, match);
                }
                byId.put(rs.getString("id_number_hash"), match);
            });
            Set<Long> seen = new HashSet<>();
            SheetImport.Checked<Answer> answers = sheet.check(row -> {
                if (template != null && template.totalsRow() && isTotals(row)) {
                    return null;
                }
                String number = row.cell(card).isBlank() ? null : digits(row.cell(card));
                String idNumber = number == null ? row.cell(id).toUpperCase() : null;
                Match match = number != null ? byCard.get(protector.hash(number))
                        : idNumber.isEmpty() ? null : byId.get(protector.hash(idNumber));
                Column column = number != null ? card : id;
                if (match == null) {
                    row.reject(column, "payout.results.unknown");
                    return null;
                }
                if (!seen.add(match.lineId())) {
                    row.reject(column, "payout.results.duplicate");
                    return null;
                }
                if (match.status() != LineStatus.PENDING) {
                    row.reject(column, "payout.results.alreadyAnswered");
                    return null;
                }
                BigDecimal stated;
                try {
                    stated = new BigDecimal(row.cell(amount).replace(",", ""));
                }
                catch (NumberFormatException bad) {
                    row.reject(amount, "payout.results.amountFormat", row.cell(amount));
                    return null;
                }
                if (stated.compareTo(match.payable()) != 0) {
                    row.reject(amount, "payout.results.amountMismatch", stated.toPlainString(), match.payable().toPlainString());
                    return null;
                }
                String outcome = row.cell(result);
                String why = row.cell(reason);
                String ref = row.cell(reference);
                if (ref.length() > 64) {
                    row.reject(reference, "payout.results.referenceTooLong");
                    return null;
                }
                if (List.of("成功", "SUCCESS", "S", "已成功").contains(outcome.toUpperCase())) {
                    return new Answer(true, match.lineId(), Date.valueOf(LocalDate.now(clock)), null,
                            ref.isEmpty() ? null : ref, null);
                }
                else if (List.of("失败", "FAIL", "FAILED", "F", "已失败").contains(outcome.toUpperCase())) {
                    return new Answer(false, match.lineId(), null, why.isEmpty() ? null : truncate(why, 200),
                            ref.isEmpty() ? null : ref, Timestamp.from(clock.instant()));
                }
                row.reject(result, "payout.results.outcome", outcome);
                return null;
            });
            return answers.finish(marked -> {
                List<Answer> paid = marked.stream().filter(Answer::paid).toList();
                List<Answer> failed = marked.stream().filter(answer -> !answer.paid()).toList();
                // one JDBC batch each (a file may answer 100,000 lines): JdbcClient has no batch update
                batched.batchUpdate(("update payout_line set status = '%s', paid_on = :paidOn, bank_reference = :reference, "
                        + "version = version + 1 where id = :lineId and status = '%s'")
                        .formatted(LineStatus.PAID.name(), LineStatus.PENDING.name()), lines(paid));
                batched.batchUpdate(("update payout_line set status = '%s', bank_reason = :reason, bank_reference = :reference, "
                        + "failed_at = :failedAt, version = version + 1 where id = :lineId and status = '%s'")
                        .formatted(LineStatus.FAILED.name(), LineStatus.PENDING.name()), lines(failed));
                boolean settled = settleIfDone(actor, batch);
                Project project = batches.projectOf(actor, batch);
                auditLog.recordAs(actor.getUsername(), AuditEvent.of("BANK_RESULTS_IMPORTED", PayoutBatches.ENTITY, batchId)
                        .inProject(project.getId(), project.getTownId())
                        .change(null, Map.of("paid", paid.size(), "failed", failed.size(), "settled", settled))
                        .detail(filename));
                events.publishEvent(new PayoutEvents.BankAnswered(batchId, paid.stream().map(Answer::lineId).toList(),
                        failed.stream().map(Answer::lineId).toList()));
                // the status written out from its enum, not bound: the partial index ix_payout_line_unpaid
                // (status in ('PENDING', 'FAILED')) serves the count only for a constant, as before
                int pending = jdbc.sql("select count(*) from payout_line where batch_id = :batchId and status = '%s'"
                        .formatted(LineStatus.PENDING.name())).param("batchId", batchId).query(Integer.class).single();
                return new ResultImport(paid.size(), failed.size(), pending, settled, List.of());
            }, errors -> {
                status.setRollbackOnly();
                return new ResultImport(0, 0, 0, false, errors);
            });
        });
    }

    /** Each answer binds its own components by name (the statuses are constants of the statement). */
    private static SqlParameterSource[] lines(List<Answer> answers) {
        return answers.stream().map(SimplePropertySqlParameterSource::new).toArray(SqlParameterSource[]::new);
    }

    /** A failed line, its card as the bank was sent it and the worker's card now (null: none). */
    private record FailedLine(long id, String name, String bankCardHash, String currentHash) {
    }

    /**
     * A follow-up batch that pays the failed lines again, once their workers' cards were corrected.
     * Its lines are the same amounts, already publicized and confirmed, so it waits only for a second
     * administrator's approval and finance's release.
     */
    public PayoutBatch reissueFailed(SignedInUser actor, long batchId) {
        actor.require(Role.ADMIN, Role.STAFF);
        return transaction.execute(status -> {
            PayoutBatch batch = batches.lockedBatch(actor, batchId);
            if (batch.status() != BatchStatus.RELEASED) {
                throw new BusinessRuleException("payout.reissue.notReleased");
            }
            // the status written out from its enum, not bound: the partial index ix_payout_line_unpaid
            // (status in ('PENDING', 'FAILED')) serves the read only for a constant, as before
            List<FailedLine> failed = jdbc.sql("""
                    select l.id, w.name, l.bank_card_hash, w.bank_card_hash as current_hash
                    from payout_line l join worker_payee_account w on w.id = l.worker_id
                    where l.batch_id = :batchId and l.status = '%s' order by w.worker_code
                    """.formatted(LineStatus.FAILED.name())).param("batchId", batchId).query(FailedLine.class).list();
            if (failed.isEmpty()) {
                throw new BusinessRuleException("payout.reissue.nothing");
            }
            List<String> uncorrected = failed.stream().filter(f -> f.currentHash() == null
                    || f.currentHash().equals(f.bankCardHash())).map(FailedLine::name).toList();
            if (!uncorrected.isEmpty()) {
                throw new BusinessRuleException("payout.reissue.cardNotCorrected", String.join("、", uncorrected));
            }
            // prepared by whoever re-issues it, publicized now: its lines were publicized and confirmed in the first batch
            RowStamp stamp = RowStamp.now(clock, actor.getUsername());
            long followUp = stamp.on(jdbc.sql("""
                    insert into payout_batch (project_id, period_from, period_to, status, reissue_of, prepared_by,
                                              publicized_at, notice_until, %s)
                    values (:projectId, :periodFrom, :periodTo, :publicized, :reissueOf, :stampedBy, :stampedAt, :stampedAt, %s)
                    returning id
                    """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("projectId", batch.projectId())
                    .param("periodFrom", Date.valueOf(batch.periodFrom())).param("periodTo", Date.valueOf(batch.periodTo()))
                    .param("publicized", BatchStatus.PUBLICIZED.name()).param("reissueOf", batchId).query(Long.class).single();
            for (FailedLine line : failed) {
                long copy = stamp.on(jdbc.sql("""
                        insert into payout_line (batch_id, worker_id, team_id, team_name, full_days, half_days, days, day_rate,
                                                 amount_due, deduction, deduction_reason, amount_payable, reissue_of_line, %s)
                        select :followUp, worker_id, team_id, team_name, full_days, half_days, days, day_rate, amount_due,
                               deduction, deduction_reason, amount_payable, id, %s
                        from payout_line where id = :lineId returning id
                        """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("followUp", followUp)
                        .param("lineId", line.id()).query(Long.class).single();
                stamp.on(jdbc.sql("""
                        insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, sheet_ref,
                                                        method, sheet_id, %s)
                        select :copy, slot, witness_worker_id, payee_worker_id, sheet_ref, method, sheet_id, %s
                        from cross_confirmation where line_id = :lineId
                        """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("copy", copy).param("lineId", line.id())
                        .update();
                jdbc.sql("update payout_line set status = :reissued, reissued_in = :followUp, version = version + 1 "
                        + "where id = :lineId").param("reissued", LineStatus.REISSUED.name()).param("followUp", followUp)
                        .param("lineId", line.id()).update();
            }
            settleIfDone(actor, batch);
            PayoutBatch created = batches.find(followUp);
            batches.audit(actor, "PAYOUT_BATCH_REISSUED", created, batches.projectOf(actor, batch), null,
                    Map.of("reissueOf", batchId, "lines", failed.size()), null);
            return created;
        });
    }

    /** SETTLED once every line is paid or re-issued. */
    private boolean settleIfDone(SignedInUser actor, PayoutBatch batch) {
        int settled = jdbc.sql("""
                update payout_batch set status = :settled, settled_at = :settledAt, version = version + 1
                where id = :batchId and status = :released
                  and not exists (select 1 from payout_line where batch_id = :batchId and status not in (:paid, :reissued))
                """).param("settled", BatchStatus.SETTLED.name()).param("settledAt", Timestamp.from(clock.instant()))
                .param("batchId", batch.id()).param("released", BatchStatus.RELEASED.name())
                .param("paid", LineStatus.PAID.name()).param("reissued", LineStatus.REISSUED.name()).update();
        if (settled == 1) {
            batches.audit(actor, "PAYOUT_BATCH_SETTLED", batch, batches.projectOf(actor, batch),
                    Map.of("status", "RELEASED"), Map.of("status", "SETTLED"), null);
        }
        return settled == 1;
    }

    /**
     * The column of a field in a result file: with a header row, by the template's title and then by the
     * usual titles; without one, the field's place in the template's result columns.
     */
    private static Column column(BankTemplate template, BankField field, String header, String... usual) {
        Column byUsualTitles = Column.of(header, usual);
        if (template == null) {
            return byUsualTitles;
        }
        int at = BankTemplate.indexOf(template.resultColumns(), field);
        if (!template.headerRow()) {
            return Column.at(header, at);
        }
        return at < 0 ? byUsualTitles : byUsualTitles.preferring(template.resultColumns().get(at).title());
    }

    /** A bank's totals row (合计 / 总计 in its first cells). */
    private static boolean isTotals(SheetImport.Row row) {
        for (int c = 0; c < 2; c++) {
            String cell = row.cell(Column.at("", c));
            if (cell.startsWith(BankFiles.TOTALS) || cell.startsWith("总计")) {
                return true;
            }
        }
        return false;
    }

    private static String digits(String text) {
        return text.replaceAll("[\\s-]", "");
    }

    /**
     * Only finance takes the bank file. Rule 3: every attempt at the full numbers is in the log, a refused
     * one too (in a transaction of its own, since the refusal rolls back the caller's).
     */
    public void requireFinance(SignedInUser actor, long batchId, Format format) {
        if (!actor.hasRole(Role.FINANCE)) {
            transaction.executeWithoutResult(status -> auditLog.recordAs(actor.getUsername(), refusedDownload(batchId)
                    .detail(actor.role() + " " + format.name())));
            actor.require(Role.FINANCE);
        }
    }

    /** The refused download, in the project and town of the batch where there is one (whoever's it is). */
    private AuditEvent refusedDownload(long batchId) {
        AuditEvent event = AuditEvent.of("BANK_FILE_REFUSED", PayoutBatches.ENTITY, batchId);
        return jdbc.sql("""
                select p.id, p.town_id from payout_batch b join project_name p on p.id = b.project_id where b.id = :batchId
                """).param("batchId", batchId).query(BatchPlace.class).optional()
                .map(place -> event.inProject(place.id(), place.townId())).orElse(event);
    }

    /** The project of a batch and its town. */
    private record BatchPlace(long id, long townId) {
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
