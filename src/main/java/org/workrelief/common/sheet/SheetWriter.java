package org.workrelief.common.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes rows of text to XLSX (streamed: only a window of rows is held in memory, so a list of
 * 100,000 lines does not fill the heap) or to CSV in UTF-8 with a BOM, which Excel opens correctly.
 * Cells are text unless a column is typed as a number, so ID and card numbers keep their leading zeros and all 19 digits.
 */
public final class SheetWriter {

    private SheetWriter() {
    }

    /** Every cell as text: see the typed {@link #xlsx(String, List, List, Iterable, OutputStream)}. */
    public static void xlsx(String sheetName, List<String> headers, Iterable<List<String>> rows, OutputStream out)
            throws IOException {
        xlsx(sheetName, headers, java.util.Collections.nCopies(headers.size(), Kind.TEXT), rows, out);
    }

    /** How a column of a typed sheet is written: text, a whole number, or an amount with 2 decimals. */
    public enum Kind {
        TEXT, INTEGER, MONEY
    }

    /**
     * Like {@link #xlsx(String, List, Iterable, OutputStream)}, with each column written as its kind:
     * TEXT columns as text cells (long numbers keep every digit), INTEGER and MONEY columns as numeric
     * cells formatted {@code 0} and {@code 0.00}, so Excel sums and sorts them. A blank value is an
     * empty cell. Streamed the same way.
     */
    public static void xlsx(String sheetName, List<String> headers, List<Kind> kinds, Iterable<? extends List<?>> rows,
            OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Sheet sheet = workbook.createSheet(sheetName);
            DataFormat format = workbook.createDataFormat();
            CellStyle[] styles = new CellStyle[kinds.size()];
            for (int c = 0; c < kinds.size(); c++) {
                styles[c] = workbook.createCellStyle();
                styles[c].setDataFormat(format.getFormat(switch (kinds.get(c)) {
                    case TEXT -> "@";
                    case INTEGER -> "0";
                    case MONEY -> "0.00";
                }));
            }
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setDataFormat(format.getFormat("@"));
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            // no header row where a bank's template has none
            int index = 0;
            if (headers != null) {
                writeRow(sheet.createRow(index++), headers, headerStyle);
            }
            for (List<?> values : rows) {
                Row row = sheet.createRow(index++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    var cell = row.createCell(c);
                    cell.setCellStyle(styles[c]);
                    if (value instanceof Number number && kinds.get(c) != Kind.TEXT) {
                        cell.setCellValue(number.doubleValue());
                    }
                    else {
                        cell.setCellValue(value == null ? "" : value.toString());
                    }
                }
            }
            for (int c = 0; c < kinds.size(); c++) {
                sheet.setColumnWidth(c, (kinds.get(c) == Kind.TEXT ? 18 : 12) * 256);
                sheet.setDefaultColumnStyle(c, styles[c]);
            }
            workbook.write(out);
        }
        finally {
            workbook.close();
        }
    }

    public static void csv(List<String> headers, Iterable<List<String>> rows, OutputStream out) throws IOException {
        csv(headers, rows, out, StandardCharsets.UTF_8, true);
    }

    /** A CSV in the given encoding, with or without a BOM (UTF-8 only) and a header row (null: none). */
    public static void csv(List<String> headers, Iterable<List<String>> rows, OutputStream out,
            java.nio.charset.Charset charset, boolean bom) throws IOException {
        if (bom) {
            out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        }
        Writer writer = new OutputStreamWriter(out, charset);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        if (headers != null) {
            printer.printRecord(headers);
        }
        for (List<String> row : rows) {
            printer.printRecord(row);
        }
        printer.flush();
    }

    private static void writeRow(Row row, List<String> values, CellStyle style) {
        for (int c = 0; c < values.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellStyle(style);
            cell.setCellValue(values.get(c) == null ? "" : values.get(c));
        }
    }
}
