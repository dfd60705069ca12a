package org.workrelief.payout;

/** The form for a bank file template; columns as {@code 字段=列名} lines. */
public record BankTemplateForm(String name, String bankName, String columns, String resultColumns,
        BankTemplate.Encoding encoding, BankService.Format format, boolean headerRow, boolean totalsRow, long version) {

    /** A new template starts from today's layout. */
    public static BankTemplateForm blank() {
        return new BankTemplateForm("", "", BankTemplate.display(BankTemplates.DEFAULT_COLUMNS),
                BankTemplate.display(BankTemplates.DEFAULT_RESULT_COLUMNS), BankTemplate.Encoding.UTF8_BOM,
                BankService.Format.CSV, true, false, 0);
    }
}
