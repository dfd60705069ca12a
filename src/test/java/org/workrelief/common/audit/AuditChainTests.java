package org.workrelief.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.workrelief.common.audit.AuditChain.Link;

/** The canonical form of an audit entry, pinned: changing it would break every chain already written. */
class AuditChainTests {

    static final Link ENTRY = new Link(7, "town:3", 2, Instant.parse("2025-11-30T15:59:59.123456Z"), "li|si \\ 𠮷",
            "PAYOUT_BATCH_APPROVED", "PayoutBatch", null, 3L, null, "{\"a\": 1}", null, "line1\nline2");

    static final String PREVIOUS = "ab".repeat(32);

    @Test
    void theCanonicalFormEscapesSeparatorsAndBackslashesAndWritesNullsAsBackslashN() {
        assertThat(AuditChain.canonicalForm(ENTRY, PREVIOUS)).isEqualTo(
                "v1|7|town:3|2|1764518399123456|li\\|si \\\\ 𠮷|PAYOUT_BATCH_APPROVED|PayoutBatch|\\N|3|\\N|{\"a\": 1}|\\N|line1\nline2|"
                        + PREVIOUS);
    }

    @Test
    void theHashIsTheHexSha256OfTheCanonicalFormInUtf8() {
        // sha256 of the string above, computed outside Java (python3 hashlib)
        assertThat(AuditChain.hash(ENTRY, PREVIOUS)).isEqualTo("f35f984500ad6895e382d6d0855311b8e09752dfe77190169b06e994d4852e8f");
    }

    @Test
    void theFirstEntryOfAChainHasNoPreviousHash() {
        assertThat(AuditChain.canonicalForm(ENTRY, null)).endsWith("|line1\nline2|\\N");
    }

    @Test
    void aNullFieldAndTheTextBackslashNAreDifferent() {
        Link withText = new Link(7, "town:3", 2, ENTRY.occurredAt(), "x", "A", "T", "\\N", 3L, null, null, null, null);
        Link withNull = new Link(7, "town:3", 2, ENTRY.occurredAt(), "x", "A", "T", null, 3L, null, null, null, null);
        assertThat(AuditChain.hash(withText, null)).isNotEqualTo(AuditChain.hash(withNull, null));
    }

    @Test
    void anEntryBelongsToItsProjectsChainElseItsTownsElseTheCountys() {
        assertThat(AuditChain.chainOf(3L, 12L)).isEqualTo("project:12");
        assertThat(AuditChain.chainOf(3L, null)).isEqualTo("town:3");
        assertThat(AuditChain.chainOf(null, null)).isEqualTo("county");
    }
}
