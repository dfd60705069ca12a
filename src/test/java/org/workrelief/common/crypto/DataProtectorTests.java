package org.workrelief.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.workrelief.common.Masking;

class DataProtectorTests {

    private final DataProtector protector = new DataProtector(key((byte) 1));

    @Test
    void encryptsSoThatOnlyTheKeyReadsItBack() {
        ProtectedNumber stored = protector.protect("11010519491231002X", Masking::idNumber);
        assertThat(stored.cipher()).startsWith("v1:").doesNotContain("11010519491231002X").doesNotContain("1949");
        assertThat(protector.decrypt(stored.cipher())).isEqualTo("11010519491231002X");
        assertThat(stored.masked()).isEqualTo("110105********002X");
        assertThatThrownBy(() -> new DataProtector(key((byte) 2)).decrypt(stored.cipher()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameNumberEncryptsDifferentlyEachTimeButHashesTheSame() {
        ProtectedNumber a = protector.protect("6222021234567890128", Masking::bankCard);
        ProtectedNumber b = protector.protect("6222021234567890128", Masking::bankCard);
        assertThat(a.cipher()).isNotEqualTo(b.cipher());
        assertThat(a.hash()).isEqualTo(b.hash()).hasSize(64).doesNotContain("6222");
        assertThat(a.masked()).isEqualTo("6222***********0128");
    }

    @Test
    void theHashDependsOnTheKey() {
        assertThat(new DataProtector(key((byte) 2)).hash("11010519491231002X"))
                .isNotEqualTo(protector.hash("11010519491231002X"));
    }

    @Test
    void aTamperedCipherTextIsRefused() {
        String cipher = protector.encrypt("11010519491231002X");
        String tampered = cipher.substring(0, cipher.length() - 4) + (cipher.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> protector.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeyMustBe256Bits() {
        assertThatThrownBy(() -> new DataProtector(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
