package org.workrelief.payout;

import java.util.ArrayList;
import java.util.List;

import org.workrelief.common.BusinessRuleException;

/**
 * 银行文件模板: one bank's layout of the bank file (代发文件) and of its result file (回盘文件): the columns
 * in order with the bank's titles, the encoding of a CSV (UTF-8 with BOM, or GBK), CSV or XLSX, whether
 * there is a header row, and whether a totals row (合计) ends the file. Where none is chosen the files
 * keep today's layout ({@link BankService#BANK_FILE_COLUMNS}).
 */
public record BankTemplate(long id, String name, String bankName, List<Column> columns, List<Column> resultColumns,
        Encoding encoding, BankService.Format format, boolean headerRow, boolean totalsRow, long version) {

    public enum Encoding {
        UTF8_BOM, GBK
    }

    /** A column of the file: the field and the title the bank gives it. */
    public record Column(BankField field, String title) {
    }

    /** The column titles in order (the header row). */
    public List<String> titles() {
        return columns.stream().map(Column::title).toList();
    }

    public String extension() {
        return format.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A short description: 农商银行 · CSV · GBK · 表头 · 合计行. */
    public String summary() {
        return bankName + " · " + format + (format == BankService.Format.CSV ? " · " + (encoding == Encoding.GBK ? "GBK" : "UTF-8 BOM") : "");
    }

    /** The index of the field's column, or -1. */
    static int indexOf(List<Column> columns, BankField field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field() == field) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The columns of a template's text, one {@code 字段=列名} a line (the title may be left out: the field's
     * own). Refused: an unknown field, a field twice, a title longer than 40 characters.
     */
    static List<Column> parse(String text) {
        List<Column> columns = new ArrayList<>();
        if (text == null) {
            return columns;
        }
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            String left = eq < 0 ? line : line.substring(0, eq);
            String title = eq < 0 ? "" : line.substring(eq + 1).trim();
            BankField field = BankField.named(left);
            if (field == null) {
                throw new BusinessRuleException("payout.bankTemplate.column.unknown", number, left.trim());
            }
            if (indexOf(columns, field) >= 0) {
                throw new BusinessRuleException("payout.bankTemplate.column.twice", number, field.title());
            }
            if (title.length() > 40 || title.contains(",") || title.contains("\"")) {
                throw new BusinessRuleException("payout.bankTemplate.column.title", number);
            }
            columns.add(new Column(field, title.isEmpty() ? field.title() : title));
        }
        return columns;
    }

    /** The text a form shows and the database keeps: {@code FIELD=列名} lines. */
    static String format(List<Column> columns) {
        return String.join("\n", columns.stream().map(c -> c.field().name() + "=" + c.title()).toList());
    }

    /** The same in the fields' Chinese titles, for the form. */
    public static String display(List<Column> columns) {
        return String.join("\n", columns.stream().map(c -> c.field().title() + "=" + c.title()).toList());
    }
}
