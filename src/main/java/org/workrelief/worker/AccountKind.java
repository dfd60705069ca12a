package org.workrelief.worker;

/**
 * What a worker's wages are paid into (screens show {@code accountKind.<NAME>}): a bank card, the
 * financial account of the 社会保障卡, or the 惠民惠农财政补贴"一卡通". The bank file names it with
 * {@link #label()}, the bank's own wording, in every language.
 */
public enum AccountKind {
    BANK_CARD("银行卡"),
    SOCIAL_SECURITY_CARD("社会保障卡"),
    ONE_CARD("惠民惠农一卡通");

    private final String label;

    AccountKind(String label) {
        this.label = label;
    }

    /** The kind as the bank file and the wage ledger write it. */
    public String label() {
        return label;
    }

    /** The stored kind, or a bank card for a line released before kinds were recorded. */
    public static AccountKind of(String stored) {
        return stored == null ? BANK_CARD : valueOf(stored);
    }

    /** A kind from a roster or template cell: its name or its label; null if none matches. */
    public static AccountKind parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        for (AccountKind kind : values()) {
            if (kind.name().equalsIgnoreCase(t) || kind.label.equals(t)) {
                return kind;
            }
        }
        return switch (t) {
            case "社保卡" -> SOCIAL_SECURITY_CARD;
            case "一卡通", "惠民惠农财政补贴一卡通" -> ONE_CARD;
            default -> null;
        };
    }
}
