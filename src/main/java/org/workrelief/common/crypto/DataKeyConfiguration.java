package org.workrelief.common.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

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
        return decode(SecretFiles.readOrCreate(file, 32, Base64.getEncoder(), "the data key for the embedded database"));
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
