package org.workrelief.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.workrelief.dashboard.DashboardService.GroupFigures;
import org.workrelief.report.ReportService.Line;
import org.workrelief.report.ReportService.Report;
import org.workrelief.report.ReportService.Totals;
import org.workrelief.worker.WorkerGroups;

/**
 * Writes the report as XLSX in the layout of the NDRC progress report (以工代赈项目实施进度统计表): a title,
 * the reporting unit and period, two header rows (groups of columns above their parts), a line per
 * project and a 合计 line; a second sheet has the worker groups' figures. In Chinese, as it is sent to
 * the higher levels; amounts in yuan with two decimals, numbers as numeric cells.
 */
@Component
public class ReportWorkbook {

    /** A header group: its title and its parts (none: one column spanning both header rows). */
    private record Head(String title, List<String> parts) {
    }

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final WorkerGroups groups;
    private final org.springframework.context.MessageSource messages;

    ReportWorkbook(WorkerGroups groups, org.springframework.context.MessageSource messages) {
        this.groups = groups;
        this.messages = messages;
    }

    /** The headers of the main sheet, in order; the number of columns a line has. */
    List<Head> heads() {
        List<String> people = new ArrayList<>(List.of("合计", "其中：本地农村劳动力"));
        groups.codes().forEach(code -> people.add("其中：" + groups.name(code, CHINESE)));
        return List.of(new Head("序号", List.of()), new Head("项目名称", List.of()), new Head("项目编号", List.of()),
                new Head("所在乡镇", List.of()), new Head("实施主体", List.of()), new Head("项目状态", List.of()),
                new Head("总投资（元）", List.of("合计", "中央资金", "地方资金", "其他资金")),
                new Head("完成投资（元）", List.of("本期", "累计")),
                new Head("资金拨付（元）", List.of("本期", "累计")),
                new Head("吸纳务工人数（人，累计）", people),
                new Head("务工人日（已发放）", List.of("本期", "累计")),
                new Head("发放劳务报酬（元）", List.of("本期", "累计", "占中央资金比例（%）")),
                new Head("培训人数（人，累计）", List.of()),
                new Head("运营管护岗位（个，本年）", List.of("长期", "季节性")),
                new Head("资产移交", List.of("移交日期", "资产价值（元）")));
    }

    public void write(Report report, LocalDate today, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("进度统计表");
            List<Head> heads = heads();
            int columns = heads.stream().mapToInt(h -> Math.max(1, h.parts().size())).sum();
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue("以工代赈项目实施进度统计表");
            title.setCellStyle(styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            Cell unit = sheet.createRow(1).createCell(0);
            unit.setCellValue("填报单位：" + (report.unit() == null ? "全县" : report.unit()) + "　　报告期："
                    + report.period().chineseLabel() + "　　填报日期：" + today + "　　金额单位：元");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
            Row upper = sheet.createRow(2);
            Row lower = sheet.createRow(3);
            int c = 0;
            for (Head head : heads) {
                if (head.parts().isEmpty()) {
                    header(upper, c, head.title(), styles);
                    header(lower, c, "", styles);
                    sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
                    c++;
                }
                else {
                    for (int i = 0; i < head.parts().size(); i++) {
                        header(upper, c + i, i == 0 ? head.title() : "", styles);
                        header(lower, c + i, head.parts().get(i), styles);
                    }
                    if (head.parts().size() > 1) {
                        sheet.addMergedRegion(new CellRangeAddress(2, 2, c, c + head.parts().size() - 1));
                    }
                    c += head.parts().size();
                }
            }
            int r = 4;
            int number = 1;
            for (Line line : report.lines()) {
                List<Object> values = new ArrayList<>();
                values.add((long) number++);
                values.add(line.project().getName());
                values.add(line.project().getCode());
                values.add(line.townName());
                values.add(line.project().getEntityName());
                values.add(statusName(line.project().getStatus().name()));
                values.addAll(List.of(line.totalInvestment(), ReportFigures.orZero(line.project().getCentralFunds()),
                        ReportFigures.orZero(line.project().getLocalFunds()), ReportFigures.orZero(line.project().getSocialCapital()),
                        line.investmentInPeriod(), line.investmentToDate(), line.disbursedInPeriod(), line.disbursedToDate(),
                        line.people(), line.localPeople()));
                values.addAll(line.peopleByGroup().values());
                values.addAll(java.util.Arrays.asList(new Days(line.personDaysInPeriod()), new Days(line.personDaysToDate()),
                        line.wagesInPeriod(), line.wagesToDate(), new Percent(line.paidSharePercent()), line.trained(),
                        line.longTermJobs(), line.seasonalJobs(),
                        line.assetsHandedOverOn() == null ? "" : line.assetsHandedOverOn().toString(), line.assetsValue()));
                row(sheet.createRow(r++), values, styles);
            }
            Totals t = report.totals();
            List<Object> totals = new ArrayList<>(java.util.Arrays.asList("", "合计", "", "", "", "", t.totalInvestment(),
                    t.centralFunds(), t.localFunds(), t.otherFunds(), t.investmentInPeriod(), t.investmentToDate(),
                    t.disbursedInPeriod(), t.disbursedToDate(), t.people(), t.localPeople()));
            totals.addAll(t.peopleByGroup().values());
            totals.addAll(java.util.Arrays.asList(new Days(t.personDaysInPeriod()), new Days(t.personDaysToDate()),
                    t.wagesInPeriod(), t.wagesToDate(), new Percent(t.paidSharePercent()), t.trained(), t.longTermJobs(),
                    t.seasonalJobs(), "", t.assetsValue()));
            row(sheet.createRow(r++), totals, styles);
            Cell note = sheet.createRow(r + 1).createCell(0);
            note.setCellValue("注：本期为报告期内的数；累计为项目开始至报告期末的数。务工人日和劳务报酬按已发放（已提交银行且未失败）的发放明细计。"
                    + "本地农村劳动力指户籍村为项目所在村的务工群众。占中央资金比例＝累计发放劳务报酬÷中央资金。一人属于多个重点群体的，分别计入。");
            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(2, 16 * 256);
            sheet.setColumnWidth(4, 26 * 256);
            for (int col = 5; col < columns; col++) {
                sheet.setColumnWidth(col, 13 * 256);
            }
            sheet.createFreezePane(3, 4);
            groupSheet(workbook.createSheet("重点群体"), report, styles);
            workbook.write(out);
        }
    }

    private void groupSheet(Sheet sheet, Report report, Styles styles) {
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue("重点群体务工情况（" + report.period().chineseLabel() + "）");
        title.setCellStyle(styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
        Row head = sheet.createRow(1);
        List<String> titles = List.of("重点群体", "务工人数（人，累计）", "务工人日（本期）", "务工人日（累计）", "发放劳务报酬（元，本期）",
                "发放劳务报酬（元，累计）");
        for (int i = 0; i < titles.size(); i++) {
            header(head, i, titles.get(i), styles);
        }
        int r = 2;
        for (int i = 0; i < report.groupsToDate().size(); i++) {
            GroupFigures toDate = report.groupsToDate().get(i);
            GroupFigures inPeriod = report.groupsInPeriod().get(i);
            row(sheet.createRow(r++), List.of(groups.name(toDate.code(), CHINESE), toDate.people(),
                    new Days(inPeriod.personDays()), new Days(toDate.personDays()), inPeriod.wages(), toDate.wages()), styles);
        }
        sheet.setColumnWidth(0, 18 * 256);
        for (int col = 1; col < titles.size(); col++) {
            sheet.setColumnWidth(col, 20 * 256);
        }
    }

    private String statusName(String status) {
        return messages.getMessage("project.status." + status, null, status, CHINESE);
    }

    /** Person-days: one decimal. */
    private record Days(BigDecimal value) {
    }

    /** A percentage with one decimal, or blank. */
    private record Percent(BigDecimal value) {
    }

    private static void header(Row row, int column, String text, Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(styles.header);
    }

    private static void row(Row row, List<?> values, Styles styles) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            Cell cell = row.createCell(c);
            if (value == null) {
                cell.setCellStyle(styles.text);
            }
            else if (value instanceof Days days) {
                cell.setCellValue(days.value().doubleValue());
                cell.setCellStyle(styles.days);
            }
            else if (value instanceof Percent percent) {
                if (percent.value() != null) {
                    cell.setCellValue(percent.value().doubleValue());
                }
                cell.setCellStyle(styles.days);
            }
            else if (value instanceof BigDecimal money) {
                cell.setCellValue(money.doubleValue());
                cell.setCellStyle(styles.money);
            }
            else if (value instanceof Long number) {
                cell.setCellValue(number);
                cell.setCellStyle(styles.integer);
            }
            else {
                cell.setCellValue(value.toString());
                cell.setCellStyle(styles.text);
            }
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle money;
        final CellStyle integer;
        final CellStyle days;

        Styles(XSSFWorkbook workbook) {
            DataFormat format = workbook.createDataFormat();
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(workbook);
            text.setDataFormat(format.getFormat("@"));
            money = bordered(workbook);
            money.setDataFormat(format.getFormat("#,##0.00"));
            integer = bordered(workbook);
            integer.setDataFormat(format.getFormat("0"));
            days = bordered(workbook);
            days.setDataFormat(format.getFormat("0.0"));
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
