package org.workrelief.common.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.workrelief.common.BusinessRuleException;

/**
 * Reads the first sheet of an XLSX file, or a CSV file, into rows of cell text. CSV may be UTF-8
 * (with or without BOM) or GB18030/GBK, which is what Excel on a Chinese Windows writes. Numbers
 * keep all their digits (an ID number typed as a number does not become 3.70285E+17) and dates
 * come out as ISO dates.
 */
public final class SheetReader {

    /** One row of the file; {@code number} is the row number a user sees in Excel (header = 1). */
    public record SheetRow(int number, List<String> cells) {

        public String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index);
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }

        /**
         * In a header row, the index of the first column titled with one of the names (a BOM and the
         * template's "*" for required columns are ignored), or -1.
         */
        public int columnOf(String... names) {
            for (int i = 0; i < cells.size(); i++) {
                String title = cell(i).replace("\uFEFF", "").replace("*", "").trim();
                for (String name : names) {
                    if (title.equals(name)) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }

    private static final int MAX_ROWS = 100_000;

    private SheetReader() {
    }

    public static List<SheetRow> read(String filename, InputStream in) throws IOException {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            throw new BusinessRuleException("import.file.empty");
        }
        if (name.endsWith(".xlsx")) {
            return readXlsx(bytes);
        }
        if (name.endsWith(".csv")) {
            try {
                return readCsv(bytes);
            }
            catch (java.io.UncheckedIOException | IllegalStateException malformed) {
                throw new BusinessRuleException("import.file.unreadable");
            }
        }
        throw new BusinessRuleException("import.file.type");
    }

    private static List<SheetRow> readXlsx(byte[] bytes) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        Workbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        }
        catch (RuntimeException | IOException notXlsx) {
            throw new BusinessRuleException("import.file.unreadable");
        }
        try (workbook) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                if (rows.size() > MAX_ROWS) {
                    throw new BusinessRuleException("import.file.tooLarge", MAX_ROWS);
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                rows.add(new SheetRow(row.getRowNum() + 1, cells));
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                java.time.LocalDateTime value = cell.getLocalDateTimeCellValue();
                // a date stays a date; a date with a time (a terminal's sign-in) keeps its time
                return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? value.toLocalDate().toString()
                        : value.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            }
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).trim();
    }

    private static List<SheetRow> readCsv(byte[] bytes) throws IOException {
        String text = decode(bytes);
        List<SheetRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        int number = 0;
        for (CSVRecord record : format.parse(new StringReader(text))) {
            number++;
            if (number > MAX_ROWS) {
                throw new BusinessRuleException("import.file.tooLarge", MAX_ROWS);
            }
            List<String> cells = new ArrayList<>();
            record.forEach(value -> cells.add(value.trim()));
            rows.add(new SheetRow(number, cells));
        }
        return rows;
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        }
        catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, Charset.forName("GB18030"));
        }
    }
}
