package org.workrelief.common.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.sheet.SheetReader.SheetRow;

/**
 * The one way a file is imported (roster, attendance, training attendees, bank results), all rows or none:
 * <ol>
 * <li>{@link #read}: the file is read ({@link SheetReader}); a file without a single row is refused
 * ({@code import.file.empty});</li>
 * <li>{@link #require}: the columns the import needs are looked for by their titles in the header row;
 * each one missing is a {@link RowError} on row 1 ({@code import.header.missing}), see {@link #missing()};</li>
 * <li>{@link #check}: a file with no data row is refused ({@code import.file.noRows}); every non-blank row
 * goes through the import's own {@link RowRule}, which turns it into what the import writes or rejects
 * it with errors naming the row and the column;</li>
 * <li>{@link Checked#finish}: the import's writer gets the good rows only when no row (and no check of
 * the import over the whole file) failed; otherwise the errors, by row.</li>
 * </ol>
 * Each import keeps only its columns and its row rule. A rule that can check a row only by writing it
 * (attendance: a punch goes through the live sign-in's rules) runs in the import's transaction, and the
 * import rolls it back when {@code finish} hands it errors.
 */
public final class SheetImport {

    /**
     * A column an import reads: the header its errors name, and how it is found in the file, by default
     * the first cell of the header row titled with one of {@link #titles()} (a BOM and the template's "*"
     * ignored). An absent column reads as blank cells.
     */
    public interface Column {

        /** The name row errors give this column (the template's header). */
        String header();

        /** The titles a file may give it; the header and the aliases the import accepts. */
        default List<String> titles() {
            return List.of(header());
        }

        /** The index of the column in the file, -1 where it is absent; {@code header} is null in a file without one. */
        default int in(SheetRow header) {
            return header == null ? -1 : header.columnOf(titles().toArray(String[]::new));
        }

        /** A column found by its header or one of its aliases. */
        static Column of(String header, String... aliases) {
            List<String> titles = new ArrayList<>();
            titles.add(header);
            titles.addAll(List.of(aliases));
            return new Titled(header, List.copyOf(titles));
        }

        /** A column at a fixed place, for a file without a header row (-1: not in the file). */
        static Column at(String header, int index) {
            return new Placed(header, index);
        }

        /** This column, looked for first by {@code title} (a bank template's), then as before; null: as before. */
        default Column preferring(String title) {
            return title == null ? this : new Preferring(this, title);
        }
    }

    private record Titled(String header, List<String> titles) implements Column {
    }

    private record Placed(String header, int index) implements Column {

        @Override
        public int in(SheetRow header) {
            return index;
        }
    }

    private record Preferring(Column column, String title) implements Column {

        @Override
        public String header() {
            return column.header();
        }

        @Override
        public int in(SheetRow header) {
            int found = header == null ? -1 : header.columnOf(title);
            return found >= 0 ? found : column.in(header);
        }
    }

    /**
     * An import's rule for one row: what the row becomes, or null with the row {@linkplain Row#reject rejected}.
     * A row that was rejected is not kept, whatever the rule returns; null without an error skips the row.
     */
    @FunctionalInterface
    public interface RowRule<T> {
        T check(Row row);
    }

    private final List<SheetRow> rows;
    private final SheetRow header;
    private final Map<Column, Integer> indexes = new HashMap<>();
    private final List<RowError> missing = new ArrayList<>();

    private SheetImport(List<SheetRow> rows, boolean headerRow) {
        this.header = headerRow ? rows.get(0) : null;
        this.rows = headerRow ? rows.subList(1, rows.size()) : rows;
    }

    /** A file whose first row holds the column titles. */
    public static SheetImport read(String filename, InputStream in) throws IOException {
        return read(filename, in, true);
    }

    /** A file with or without a header row (without one, its columns are {@link Column#at placed}). */
    public static SheetImport read(String filename, InputStream in, boolean headerRow) throws IOException {
        return of(SheetReader.read(filename, in), headerRow);
    }

    private static SheetImport of(List<SheetRow> rows, boolean headerRow) {
        if (rows.isEmpty()) {
            throw new BusinessRuleException("import.file.empty");
        }
        return new SheetImport(rows, headerRow);
    }

    /**
     * The import needs one of these columns (usually just one); if the file has none of them, a row 1 error
     * names the first and lists them all ({@code 工号 / 身份证号}).
     */
    public SheetImport require(Column... anyOf) {
        for (Column column : anyOf) {
            if (indexOf(column) >= 0) {
                return this;
            }
        }
        List<String> headers = java.util.Arrays.stream(anyOf).map(Column::header).toList();
        missing.add(new RowError(1, anyOf[0].header(), "import.header.missing", List.of(String.join(" / ", headers))));
        return this;
    }

    /** The required columns the file lacks, as row 1 errors; empty when the header is complete. */
    public List<RowError> missing() {
        return List.copyOf(missing);
    }

    /** Every non-blank data row through the rule, to the end of the file. */
    public <T> Checked<T> check(RowRule<T> rule) {
        return check(rule, Integer.MAX_VALUE);
    }

    /**
     * Every non-blank data row through the rule, stopping once {@code maxErrors} errors are found (a file of
     * 100,000 bad rows does not need 100,000 reasons). Refuses a file without a data row.
     */
    public <T> Checked<T> check(RowRule<T> rule, int maxErrors) {
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the header lacks columns: " + missing);
        }
        if (rows.stream().allMatch(SheetRow::isBlank)) {
            throw new BusinessRuleException("import.file.noRows");
        }
        Checked<T> checked = new Checked<>();
        for (SheetRow sheetRow : rows) {
            if (sheetRow.isBlank()) {
                continue;
            }
            Row row = new Row(sheetRow, checked.errors);
            T good = rule.check(row);
            if (good != null && !row.rejected()) {
                checked.rows.add(good);
            }
            if (checked.errors.size() >= maxErrors) {
                break;
            }
        }
        return checked;
    }

    private int indexOf(Column column) {
        return indexes.computeIfAbsent(column, c -> c.in(header));
    }

    /** One data row as a rule sees it: its cells by column, and where to report what is wrong with it. */
    public final class Row {

        private final SheetRow row;
        private final List<RowError> errors;
        private final int errorsBefore;

        private Row(SheetRow row, List<RowError> errors) {
            this.row = row;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        /** The row number a user sees in Excel (the header is row 1). */
        public int number() {
            return row.number();
        }

        /** The cell's text, trimmed; blank where the file has no such column. */
        public String cell(Column column) {
            int index = indexOf(column);
            return index < 0 ? "" : row.cell(index).trim();
        }

        /** The cell, or null where it is blank or the column absent. */
        public String optional(Column column) {
            String text = cell(column);
            return text.isBlank() ? null : text;
        }

        /** Reports a problem with the row, in the column named. */
        public void reject(String column, String messageKey, Object... args) {
            errors.add(new RowError(row.number(), column, messageKey, List.of(args)));
        }

        public void reject(Column column, String messageKey, Object... args) {
            reject(column.header(), messageKey, args);
        }

        /** The value a check of the column gives, or null with its refusal reported in that column. */
        public <V> V attempt(Column column, Supplier<V> check) {
            try {
                return check.get();
            }
            catch (BusinessRuleException refused) {
                reject(column, refused.getMessageKey(), refused.getArgs());
                return null;
            }
        }

        /** Whether the row has been rejected. */
        public boolean rejected() {
            return errors.size() > errorsBefore;
        }
    }

    /** The rows the rule kept, and every error found; the import may add errors of its own checks over the whole file. */
    public static final class Checked<T> {

        private final List<T> rows = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();

        private Checked() {
        }

        /** The good rows, in file order. */
        public List<T> rows() {
            return java.util.Collections.unmodifiableList(rows);
        }

        /** Reports a problem found after the walk (e.g. against the database, for all rows at once). */
        public void reject(int row, String column, String messageKey, Object... args) {
            errors.add(new RowError(row, column, messageKey, List.of(args)));
        }

        public boolean clean() {
            return errors.isEmpty();
        }

        /**
         * All or nothing: the writer gets the good rows only if nothing failed; otherwise {@code refused}
         * gets every error, by row (a row's own errors in the order they were found).
         */
        public <R> R finish(Function<List<T>, R> writer, Function<List<RowError>, R> refused) {
            if (!errors.isEmpty()) {
                List<RowError> sorted = new ArrayList<>(errors);
                sorted.sort(Comparator.comparingInt(RowError::row));
                return refused.apply(sorted);
            }
            return writer.apply(rows());
        }
    }
}
