package org.workrelief.common.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the data key comes from: {@code WORKRELIEF_DATA_KEY} (Base64 of 32 bytes) when set; on the
 * application's own embedded database, a key generated once into {@code <data-dir>/data-key}; on a
 * configured database without a key the application refuses to start, since data encrypted under
 * a forgotten key would be lost.
 */
@Configuration(proxyBeanMethods = false)
class DataKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataKeyConfiguration.class);

    @Bean
    DataProtector dataProtector(Environment environment, @Value("${workrelief.data-key:}") String configuredKey,
            @Value("${workrelief.data-dir}") Path dataDir) throws IOException {
        if (StringUtils.hasText(configuredKey)) {
            return new DataProtector(decode(configuredKey));
        }
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException("""
                    WORKRELIEF_DATA_KEY is not set. ID and bank card numbers are stored encrypted under this key; \
                    on a configured database it must be given explicitly (Base64 of 32 random bytes, e.g. \
                    `openssl rand -base64 32`) and kept safe with the database backups.""");
        }
        return new DataProtector(embeddedKey(dataDir.resolve("data-key")));
    }

    private static byte[] embeddedKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return decode(Files.readString(file));
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        // only the owner may read the key; on Windows the data folder's own permissions apply
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        log.info("Generated the data key for the embedded database in {}", file.toAbsolutePath());
        return key;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("WORKRELIEF_DATA_KEY is not valid Base64", e);
        }
    }
}
