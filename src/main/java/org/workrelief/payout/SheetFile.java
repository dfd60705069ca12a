package org.workrelief.payout;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.FileType;

/**
 * A scan or photo of a signed confirmation sheet as uploaded: its type judged from its first bytes
 * (never from the name or what the browser claims), its size within the limit, its SHA-256 kept so
 * the file shown later is provably the one attested.
 */
public record SheetFile(String fileName, String contentType, byte[] content, String sha256) {

    /** Checks and fingerprints an upload; refuses an empty, oversized or unrecognised file. */
    public static SheetFile of(String originalName, byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("payout.sheet.empty");
        }
        if (content.length > maxBytes) {
            throw new BusinessRuleException("payout.sheet.tooLarge", maxBytes / (1024 * 1024));
        }
        String type = typeOf(content).orElseThrow(() -> new BusinessRuleException("payout.sheet.type"));
        return new SheetFile(cleanName(originalName, type), type, content, sha256(content));
    }

    /** PNG, JPEG, WebP or PDF by their signatures; anything else (HEIC, Word, a renamed text file) is none. */
    static Optional<String> typeOf(byte[] b) {
        return FileType.of(b, List.of(FileType.values())).map(FileType::contentType);
    }

    public boolean pdf() {
        return "application/pdf".equals(contentType);
    }

    /** The name without any folder, control characters or quotes, at most 200 characters; a plain name when none. */
    private static String cleanName(String name, String type) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            base = "sheet." + type.substring(type.indexOf('/') + 1);
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
