package org.workrelief.common;

/** How numbers are shown on screens: the ends stay readable for recognition, the middle is hidden. */
public final class Masking {

    private Masking() {
    }

    /** 370285********1234: region code and last four. */
    public static String idNumber(String plain) {
        return keep(plain, 6, 4);
    }

    /** 6222*********1234: bank prefix and last four. */
    public static String bankCard(String plain) {
        return keep(plain, 4, 4);
    }

    /** 138****5678. */
    public static String phone(String plain) {
        return keep(plain, 3, 4);
    }

    private static String keep(String plain, int head, int tail) {
        if (plain == null || plain.isEmpty()) {
            return plain;
        }
        if (plain.length() <= head + tail) {
            return "*".repeat(plain.length());
        }
        return plain.substring(0, head) + "*".repeat(plain.length() - head - tail) + plain.substring(plain.length() - tail);
    }
}
