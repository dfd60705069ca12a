package org.workrelief.common.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret the embedded default generates once into its data folder and reads on every later start:
 * the data key, the runtime database role's password. Readable by its owner only; on a file system
 * without POSIX permissions (Windows) the data folder's own permissions apply.
 */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);

    private SecretFiles() {
    }

    /** The secret in this file, or a new one of this many random bytes, encoded, written there first. */
    public static String readOrCreate(Path file, int randomBytes, Base64.Encoder encoder, String what) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[randomBytes];
        new SecureRandom().nextBytes(secret);
        String encoded = encoder.encodeToString(secret);
        Files.writeString(file, encoded);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        log.info("Generated {} in {}", what, file.toAbsolutePath());
        return encoded;
    }
}
