package org.workrelief.message;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The texts of the workers' messages: Chinese, short (under 70 characters where the link allows; the
 * provider adds the sign name), never a full ID or card number (the card as its last four digits only).
 */
final class MessageTexts {

    /** A project's name in a message is cut to this many characters. */
    static final int PROJECT_NAME = 12;
    static final int REASON = 20;

    private MessageTexts() {
    }

    static String notice(String project, LocalDate from, LocalDate to, BigDecimal amount, LocalDate until, String link) {
        return wage(project, from, to, amount) + "正在公示" + (until == null ? "" : "至" + day(until))
                + "，如有异议请向村监督委员会反映。" + (link == null || link.isEmpty() ? "" : link);
    }

    static String released(String project, LocalDate from, LocalDate to, BigDecimal amount, String cardMasked) {
        return wage(project, from, to, amount) + "已交银行代发" + card(cardMasked) + "，请留意到账。";
    }

    static String paid(String project, LocalDate from, LocalDate to, BigDecimal amount, LocalDate paidOn, String cardMasked) {
        return wage(project, from, to, amount) + (paidOn == null ? "" : "已于" + day(paidOn)) + "发放" + card(cardMasked) + "。";
    }

    static String failed(String project, LocalDate from, LocalDate to, BigDecimal amount, String reason) {
        String why = reason == null || reason.isBlank() ? "银行未说明原因" : cut(reason.strip(), REASON);
        return wage(project, from, to, amount) + "发放未成功（" + why + "），请与村务工登记人员核对银行卡。";
    }

    /** 【project】5月26日至30日劳务报酬800.00元 */
    static String wage(String project, LocalDate from, LocalDate to, BigDecimal amount) {
        return "您在" + cut(project, PROJECT_NAME) + period(from, to) + "的劳务报酬" + money(amount) + "元";
    }

    /** 您反映的问题WQ-2026-000012已受理。 (about 30 characters) */
    static String complaint(String number, String what) {
        return "您反映的问题" + number + what + "。";
    }

    static String period(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return day(from);
        }
        return day(from) + "至" + (from.getMonth() == to.getMonth() ? to.getDayOfMonth() + "日" : day(to));
    }

    static String day(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 尾号1234的银行卡: the last four characters of the masked card, nothing more. */
    static String card(String masked) {
        if (masked == null || masked.length() < 4) {
            return "至本人银行卡";
        }
        return "至尾号" + masked.substring(masked.length() - 4) + "的银行卡";
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
