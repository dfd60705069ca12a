package org.workrelief.common;

import java.util.Collection;
import java.util.Optional;

/**
 * An uploaded file's type told by its first bytes, never by its name or the type the browser claims:
 * the review's site photos (JPEG, PNG) and the scans of signed confirmation sheets (also WebP and PDF).
 */
public enum FileType {
    JPEG("image/jpeg", new int[] { 0xFF, 0xD8, 0xFF }, null),
    PNG("image/png", new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, null),
    /** RIFF at the start and WEBP at byte 8 (the RIFF length between them varies). */
    WEBP("image/webp", new int[] { 'R', 'I', 'F', 'F' }, new int[] { 'W', 'E', 'B', 'P' }),
    PDF("application/pdf", new int[] { '%', 'P', 'D', 'F', '-' }, null);

    private static final int SECOND_PART_AT = 8;

    private final String contentType;
    private final int[] start;
    private final int[] atEight;

    FileType(String contentType, int[] start, int[] atEight) {
        this.contentType = contentType;
        this.start = start;
        this.atEight = atEight;
    }

    public String contentType() {
        return contentType;
    }

    /** The type of these bytes among the accepted ones; none for anything else (HEIC, Word, a renamed text file). */
    public static Optional<FileType> of(byte[] content, Collection<FileType> accepted) {
        return accepted.stream().filter(type -> type.matches(content)).findFirst();
    }

    private boolean matches(byte[] content) {
        return startsWith(content, 0, start) && (atEight == null || startsWith(content, SECOND_PART_AT, atEight));
    }

    private static boolean startsWith(byte[] bytes, int offset, int[] expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
