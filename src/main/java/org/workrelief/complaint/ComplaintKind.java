package org.workrelief.complaint;

/** What a complaint is about: 考勤不符 / 工资未到账 / 金额有误 / 扣款有异议 / 其他. */
public enum ComplaintKind {
    ATTENDANCE, WAGE_NOT_RECEIVED, WRONG_AMOUNT, DEDUCTION, OTHER;

    public String labelKey() {
        return "complaint.kind." + name();
    }

    /** The kind named by a form, or {@link #OTHER} for none or one not known. */
    public static ComplaintKind parse(String name) {
        for (ComplaintKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return OTHER;
    }
}
