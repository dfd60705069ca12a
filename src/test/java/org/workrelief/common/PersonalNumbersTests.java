package org.workrelief.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.workrelief.common.PersonalNumbers.Kind;
import org.workrelief.support.TestNumbers;

/** The detector that keeps full personal numbers off the public pages. */
class PersonalNumbersTests {

    @Test
    void findsAFullResidentIdNumberAsTypedInOnePieceInGroupsOrFullWidth() {
        String id = TestNumbers.idNumber(LocalDate.of(1968, 3, 9));
        assertThat(PersonalNumbers.find("报名请带身份证" + id + "到村委会")).contains(Kind.ID_NUMBER);
        assertThat(PersonalNumbers.find("联系人 370285196803091234")).contains(Kind.ID_NUMBER);
        assertThat(PersonalNumbers.find("身份证 37028519680309123X。")).contains(Kind.ID_NUMBER);
        assertThat(PersonalNumbers.find("证号 370285 19680309 1234")).contains(Kind.ID_NUMBER);
        assertThat(PersonalNumbers.find("证号３７０２８５１９６８０３０９１２３４")).contains(Kind.ID_NUMBER);
        assertThat(PersonalNumbers.find("老证 370285680309123")).contains(Kind.ID_NUMBER);
    }

    @Test
    void findsABankCardNumber() {
        assertThat(PersonalNumbers.find("工资卡 " + TestNumbers.bankCard())).contains(Kind.BANK_CARD);
        assertThat(PersonalNumbers.find("卡号6222021234567890123")).contains(Kind.BANK_CARD);
        assertThat(PersonalNumbers.find("卡号 6222 0212 3456 7890")).contains(Kind.BANK_CARD);
        assertThat(PersonalNumbers.find("卡号 6222-0212-3456-7890-123")).contains(Kind.BANK_CARD);
    }

    @Test
    void findsAMobileNumber() {
        assertThat(PersonalNumbers.find("联系电话13812345678")).contains(Kind.MOBILE);
        assertThat(PersonalNumbers.find("联系电话：138 1234 5678，名额 2 人")).contains(Kind.MOBILE);
        assertThat(PersonalNumbers.find("电话 138-1234-5678")).contains(Kind.MOBILE);
        assertThat(PersonalNumbers.find("电话 +86 13812345678")).contains(Kind.MOBILE);
        assertThat(PersonalNumbers.find("Tel:8613812345678")).contains(Kind.MOBILE);
    }

    @Test
    void letsMaskedNumbersDatesAmountsAndLandlinesThrough() {
        assertThat(PersonalNumbers.find("370285********1234 138****5678 6222*********1234")).isEmpty();
        assertThat(PersonalNumbers.find("报名时间 2025-06-01 2025-06-30，工期 2025-06-01 至 2025-08-31")).isEmpty();
        assertThat(PersonalNumbers.find("计划劳务报酬 1,610,000.00 元，日工资 180.00 元，招 150 人")).isEmpty();
        assertThat(PersonalNumbers.find("村委会电话 0532-88881234，0532 8888 1234")).isEmpty();
        assertThat(PersonalNumbers.find("第 12 号文件，2025 年 6 月 3 日 07:58")).isEmpty();
        assertThat(PersonalNumbers.find("")).isEmpty();
        assertThat(PersonalNumbers.find(null)).isEmpty();
    }
}
