package org.workrelief.worker;

import org.workrelief.common.sheet.SheetImport;

/** The columns of the roster import template, by their Chinese headers (any order in the file). */
enum RosterColumn implements SheetImport.Column {
    NAME("姓名", true),
    ID_NUMBER("身份证号", true),
    PHONE("手机号", false),
    VILLAGE("村", true),
    VILLAGE_GROUP("组", false),
    HOUSEHOLD_NO("户号", false),
    HOUSEHOLD_STATUS("户类型", false),
    SKILLS("技能", false),
    BANK_NAME("开户银行", false),
    BANK_CARD("银行卡号", false),
    TEAM("班组", true),
    SOURCE("招募来源", false),
    ENROLLED_ON("登记日期", false),
    CONTRACT_SIGNED_ON("合同签订日期", false),
    CONTRACT_FROM("合同开始日期", false),
    CONTRACT_TO("合同结束日期", false),
    INSURER("保险公司", false),
    POLICY_NUMBER("保单号", false),
    INSURANCE_FROM("保险起期", false),
    INSURANCE_TO("保险止期", false),
    GROUPS("重点群体", false);

    private final String header;
    private final boolean required;

    RosterColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    @Override
    public String header() {
        return header;
    }

    boolean required() {
        return required;
    }
}
