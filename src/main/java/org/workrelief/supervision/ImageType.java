package org.workrelief.supervision;

import java.util.Optional;

/** JPEG or PNG, told by the file's first bytes, not by its name or the type the browser claims. */
enum ImageType {
    JPEG("image/jpeg", new int[] { 0xFF, 0xD8, 0xFF }),
    PNG("image/png", new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });

    private final String contentType;
    private final int[] signature;

    ImageType(String contentType, int[] signature) {
        this.contentType = contentType;
        this.signature = signature;
    }

    String contentType() {
        return contentType;
    }

    static Optional<ImageType> of(byte[] content) {
        for (ImageType type : values()) {
            if (content.length >= type.signature.length && type.matches(content)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] content) {
        for (int i = 0; i < signature.length; i++) {
            if ((content[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
