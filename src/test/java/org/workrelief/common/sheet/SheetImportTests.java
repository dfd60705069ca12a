package org.workrelief.common.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.sheet.SheetImport.Column;

/** The import pipeline itself: header check, row errors with row and column, all or nothing. */
class SheetImportTests {

    private static final Column CODE = Column.of("工号");
    private static final Column ID_NUMBER = Column.of("身份证号");
    private static final Column AMOUNT = Column.of("金额", "金额(元)");
    private static final Column NOTE = Column.of("备注");

    private static SheetImport csv(String text) throws IOException {
        return SheetImport.read("file.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A rule: the code must be W + digits, the amount a number; what a good row becomes is "code=amount". */
    private static String rule(SheetImport.Row row) {
        if (!row.cell(CODE).matches("W\\d+")) {
            row.reject(CODE, "test.code", row.cell(CODE));
        }
        Integer amount = row.attempt(AMOUNT, () -> {
            try {
                return Integer.valueOf(row.cell(AMOUNT));
            }
            catch (NumberFormatException notANumber) {
                throw new BusinessRuleException("test.amount", row.cell(AMOUNT));
            }
        });
        return row.rejected() ? null : row.cell(CODE) + "=" + amount;
    }

    @Test
    void eachMissingRequiredColumnIsARowOneErrorNamingItAndTheRowsAreNotWalked() throws IOException {
        SheetImport sheet = csv("姓名,备注\n张三,x\n").require(CODE, ID_NUMBER).require(AMOUNT).require(NOTE);

        assertThat(sheet.missing()).containsExactly(
                new RowError(1, "工号", "import.header.missing", List.of("工号 / 身份证号")),
                new RowError(1, "金额", "import.header.missing", List.of("金额")));
        assertThatThrownBy(() -> sheet.check(SheetImportTests::rule)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneColumnOfAGroupIsEnoughAndAnAliasATemplateStarABomAndUnknownColumnsAreAccepted() throws IOException {
        SheetImport sheet = csv("\uFEFF说明,身份证号,*金额(元),不认识的列\n,110,12,?\n").require(CODE, ID_NUMBER).require(AMOUNT);

        assertThat(sheet.missing()).isEmpty();
        List<String> seen = new ArrayList<>();
        sheet.check(row -> seen.add(row.cell(ID_NUMBER) + "|" + row.cell(AMOUNT) + "|" + row.cell(CODE) + "|"
                + row.optional(NOTE)));
        assertThat(seen).containsExactly("110|12||null");
    }

    @Test
    void aPreferredTitleWinsOverTheUsualOnesAndAFileWithoutHeaderIsReadByPlace() throws IOException {
        SheetImport sheet = csv("金额,付款金额\n1,2\n");
        Column byTemplate = AMOUNT.preferring("付款金额");
        List<String> seen = new ArrayList<>();
        sheet.require(byTemplate).check(row -> seen.add(row.cell(byTemplate) + "/" + row.cell(AMOUNT)));
        assertThat(seen).containsExactly("2/1");

        SheetImport headerless = SheetImport.read("bank.csv", new ByteArrayInputStream("6222,800\n".getBytes(StandardCharsets.UTF_8)),
                false);
        Column amount = Column.at("金额", 1);
        Column absent = Column.at("结果", -1);
        assertThat(headerless.require(amount).require(absent).missing())
                .containsExactly(new RowError(1, "结果", "import.header.missing", List.of("结果")));
    }

    @Test
    void everyErrorOfEveryRowIsCollectedWithItsRowNumberAndColumn() throws IOException {
        SheetImport.Checked<String> checked = csv("""
                工号,金额
                W1,10
                X2,abc

                W4,4x
                W5,5
                """).require(CODE).require(AMOUNT).check(SheetImportTests::rule);

        List<RowError> errors = checked.finish(rows -> List.of(), refused -> refused);
        assertThat(errors).containsExactly(
                new RowError(3, "工号", "test.code", List.of("X2")),
                new RowError(3, "金额", "test.amount", List.of("abc")),
                new RowError(5, "金额", "test.amount", List.of("4x")));
    }

    @Test
    void nothingIsHandedToTheWriterWhenAnyRowFails() throws IOException {
        List<List<String>> written = new ArrayList<>();
        SheetImport.Checked<String> checked = csv("工号,金额\nW1,10\nW2,20\nW3,x\n").require(CODE).require(AMOUNT)
                .check(SheetImportTests::rule);

        String outcome = checked.finish(rows -> {
            written.add(rows);
            return "written";
        }, errors -> "refused " + errors.size());

        assertThat(outcome).isEqualTo("refused 1");
        assertThat(written).isEmpty();
    }

    @Test
    void anErrorTheImportFindsAfterTheWalkAlsoStopsTheWriteAndTheErrorsComeByRow() throws IOException {
        List<List<String>> written = new ArrayList<>();
        SheetImport.Checked<String> checked = csv("工号,金额\nW1,10\nW2,x\nW3,30\n").require(CODE).require(AMOUNT)
                .check(SheetImportTests::rule);
        assertThat(checked.rows()).containsExactly("W1=10", "W3=30");

        checked.reject(2, "工号", "test.registered");
        List<RowError> errors = checked.finish(rows -> {
            written.add(rows);
            return List.of();
        }, refused -> refused);

        assertThat(written).isEmpty();
        assertThat(errors).extracting(RowError::row, RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "test.registered"),
                        org.assertj.core.groups.Tuple.tuple(3, "test.amount"));
    }

    @Test
    void aCleanFileHandsEveryGoodRowToTheWriterInFileOrder() throws IOException {
        List<String> written = csv("金额(元),工号\n10,W1\n\n30,W3\n").require(CODE).require(AMOUNT)
                .check(SheetImportTests::rule).finish(rows -> rows, errors -> List.of("refused"));

        assertThat(written).containsExactly("W1=10", "W3=30");
    }

    @Test
    void theWalkStopsAtTheErrorLimit() throws IOException {
        StringBuilder file = new StringBuilder("工号,金额\n");
        for (int i = 0; i < 10; i++) {
            file.append("X,1\n");
        }
        List<RowError> errors = csv(file.toString()).require(CODE).require(AMOUNT).check(SheetImportTests::rule, 3)
                .finish(rows -> List.of(), refused -> refused);

        assertThat(errors).extracting(RowError::row).containsExactly(2, 3, 4);
    }

    @Test
    void anEmptyFileAFileWithoutRowsAndOneWithOnlyAHeaderOrBlankRowsAreRefused() throws IOException {
        assertThatThrownBy(() -> csv("")).isInstanceOf(BusinessRuleException.class).hasMessage("import.file.empty");
        assertThatThrownBy(() -> csv("\uFEFF")).isInstanceOf(BusinessRuleException.class).hasMessage("import.file.empty");
        SheetImport headerOnly = csv("工号,金额\n").require(CODE).require(AMOUNT);
        assertThatThrownBy(() -> headerOnly.check(SheetImportTests::rule)).isInstanceOf(BusinessRuleException.class)
                .hasMessage("import.file.noRows");
        SheetImport blankRows = csv("工号,金额\n,\n\n").require(CODE).require(AMOUNT);
        assertThatThrownBy(() -> blankRows.check(SheetImportTests::rule)).isInstanceOf(BusinessRuleException.class)
                .hasMessage("import.file.noRows");
    }
}
