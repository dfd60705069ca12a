package org.workrelief.common;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a full personal number in free text meant for the public (a job notice, a policy note, a public
 * page): a resident ID number, a bank card number or a mobile number. Masked numbers (370285********1234,
 * 138****5678) pass; so do dates, amounts (1,610,000.00) and landline numbers (0532-8888 1234).
 *
 * <p>Full-width digits count as digits, and a number typed in groups ("6222 0212 3456 7890",
 * "138-1234-5678") is found as well as one typed in one piece. The public pages' privacy test scans what
 * they show with the same detector.
 */
public final class PersonalNumbers {

    /** What was found, with the message key of the refusal that names it. */
    public enum Kind {
        ID_NUMBER("public.post.personal.idNumber"), BANK_CARD("public.post.personal.bankCard"),
        MOBILE("public.post.personal.mobile");

        private final String messageKey;

        Kind(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** A run of digits (an ID number's last character may be X), not part of a longer run. */
    private static final Pattern RUN = Pattern.compile("(?<![0-9])[0-9]+[Xx]?(?![0-9Xx])");
    /** Digit groups joined by single spaces or hyphens, as numbers are often typed. */
    private static final Pattern GROUPED = Pattern.compile("(?<![0-9])[0-9]+(?:[ \\-][0-9]+)+[Xx]?(?![0-9Xx])");
    private static final Pattern SEPARATOR = Pattern.compile("[ \\-]");
    private static final Pattern MOBILE = Pattern.compile("(?:86)?1[3-9][0-9]{9}");
    private static final Pattern BIRTH_DATE = Pattern.compile("(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])");

    private PersonalNumbers() {
    }

    /** The first kind of full personal number in the text, if any. */
    public static Optional<Kind> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC);
        Matcher run = RUN.matcher(plain);
        while (run.find()) {
            Optional<Kind> kind = kindOf(run.group());
            if (kind.isPresent()) {
                return kind;
            }
        }
        Matcher grouped = GROUPED.matcher(plain);
        while (grouped.find()) {
            // any consecutive groups may be the number ("电话 138 1234 5678 2 人"); a group inside it has at least
            // three digits, so that dates side by side ("2025-06-01 2025-06-30") are not taken for a card
            String[] groups = SEPARATOR.split(grouped.group());
            List<String> tried = new ArrayList<>();
            for (int from = 0; from < groups.length; from++) {
                StringBuilder joined = new StringBuilder(groups[from]);
                for (int to = from + 1; to < groups.length; to++) {
                    joined.append(groups[to]);
                    tried.add(joined.toString());
                    if (groups[to].length() < 3) {
                        break;
                    }
                }
            }
            for (String candidate : tried) {
                Optional<Kind> kind = kindOf(candidate);
                if (kind.isPresent()) {
                    return kind;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Kind> kindOf(String number) {
        int length = number.length();
        if (length == 18 && BIRTH_DATE.matcher(number.substring(6, 14)).matches()
                || length == 15 && BIRTH_DATE.matcher("19" + number.substring(6, 12)).matches()) {
            return Optional.of(Kind.ID_NUMBER);
        }
        if (Character.isLetter(number.charAt(length - 1))) {
            return length >= 15 ? Optional.of(Kind.ID_NUMBER) : Optional.empty();
        }
        if (length >= 15) {
            // 15 to 19 digits that are no ID number: a bank card (a longer run holds one as well)
            return Optional.of(Kind.BANK_CARD);
        }
        if (MOBILE.matcher(number).matches()) {
            return Optional.of(Kind.MOBILE);
        }
        return Optional.empty();
    }
}
