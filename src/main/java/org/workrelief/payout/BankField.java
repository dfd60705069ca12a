package org.workrelief.payout;

/**
 * A column a bank file or a bank's result file may have, with the title today's layout gives it. A
 * template lists them as {@code 字段=列名} lines, the field by this title or by its name.
 */
public enum BankField {
    SERIAL("序号", true),
    NAME("姓名", true),
    ID_NUMBER("身份证号", true),
    CARD_NUMBER("银行卡号", true),
    BANK("开户银行", true),
    ACCOUNT_KIND("账户类型", true),
    AMOUNT("金额(元)", true),
    NOTE("备注", true),
    RESULT("结果", false),
    REASON("原因", false),
    REFERENCE("交易流水号", false);

    private final String title;
    private final boolean inBankFile;

    BankField(String title, boolean inBankFile) {
        this.title = title;
        this.inBankFile = inBankFile;
    }

    public String title() {
        return title;
    }

    /** Whether the bank file may have it; the result-only fields come back from the bank. */
    public boolean inBankFile() {
        return inBankFile;
    }

    /** The field a template line names, by its title (金额 too) or its name; null if none. */
    static BankField named(String text) {
        String t = text.trim();
        for (BankField field : values()) {
            if (field.name().equalsIgnoreCase(t) || field.title.equals(t)) {
                return field;
            }
        }
        return "金额".equals(t) ? AMOUNT : null;
    }
}
