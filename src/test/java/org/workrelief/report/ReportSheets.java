package org.workrelief.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the report's main sheet back: each cell of a line by its column's two header rows ("发放劳务报酬（元）|累计"). */
final class ReportSheets {

    private final Sheet sheet;
    private final Map<String, Integer> columns = new HashMap<>();

    ReportSheets(byte[] xlsx) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        sheet = workbook.getSheetAt(0);
        Row upper = sheet.getRow(2);
        Row lower = sheet.getRow(3);
        String group = "";
        for (int c = 0; c < upper.getLastCellNum(); c++) {
            String top = upper.getCell(c).getStringCellValue();
            if (!top.isEmpty()) {
                group = top;
            }
            String part = lower.getCell(c).getStringCellValue();
            columns.put(part.isEmpty() ? group : group + "|" + part, c);
        }
    }

    String title() {
        return sheet.getRow(0).getCell(0).getStringCellValue();
    }

    String unitLine() {
        return sheet.getRow(1).getCell(0).getStringCellValue();
    }

    /** The data row whose 项目编号 is this code, or 合计 for the totals. */
    Row line(String code) {
        for (int r = 4; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(2) == null) {
                continue;
            }
            if (code.equals(row.getCell(2).getStringCellValue()) || code.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no line " + code);
    }

    double number(String code, String column) {
        Integer c = columns.get(column);
        if (c == null) {
            throw new AssertionError("no column " + column + " in " + columns.keySet());
        }
        Cell cell = line(code).getCell(c);
        return cell.getCellType() == CellType.BLANK ? Double.NaN : cell.getNumericCellValue();
    }

    boolean hasColumn(String column) {
        return columns.containsKey(column);
    }
}
