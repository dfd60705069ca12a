package org.workrelief.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The audit log's hash chain, as Java computes it: the canonical form of an entry (version 1) and its
 * SHA-256. The database writes the same hash with every row (V26's trigger {@code audit_log_chain});
 * verification recomputes it here, independently of that function, so that a replaced trigger cannot
 * hide a rewritten row.
 * <p>
 * Canonical form: the UTF-8 bytes of {@code v1|id|chain|chain_seq|occurred_at|actor|action|entity_type|
 * entity_id|town_id|project_id|before_state|after_state|detail|previous hash}, where occurred_at is
 * microseconds since 1970-01-01T00:00Z, numbers are decimal, jsonb is PostgreSQL's text form of jsonb,
 * a null field is {@code \N}, and in any other field {@code \} is written {@code \\} and {@code |}
 * is written {@code \|}. The first entry of a chain has no previous hash ({@code \N}).
 * <p>
 * Chains: {@code project:<id>} for an entry with a project, else {@code town:<id>} for one with a town,
 * else {@code county}; numbered 1, 2, 3 ... without gaps ({@code chain_seq}).
 */
public final class AuditChain {

    public static final String COUNTY = "county";
    private static final String NULL = "\\N";

    private AuditChain() {
    }

    /** The chain an entry of this town and project belongs to. */
    public static String chainOf(Long townId, Long projectId) {
        return projectId != null ? projectChain(projectId) : townId != null ? townChain(townId) : COUNTY;
    }

    public static String projectChain(long projectId) {
        return "project:" + projectId;
    }

    public static String townChain(long townId) {
        return "town:" + townId;
    }

    /** One stored entry as the chain covers it; before and after are the jsonb columns' text. */
    public record Link(long id, String chain, long chainSeq, Instant occurredAt, String actor, String action,
            String entityType, String entityId, Long townId, Long projectId, String before, String after,
            String detail) {
    }

    /** The canonical form of an entry that follows {@code previousHash} (null for a chain's first entry). */
    public static String canonicalForm(Link link, String previousHash) {
        return String.join("|", "v1", Long.toString(link.id()), field(link.chain()), Long.toString(link.chainSeq()),
                Long.toString(micros(link.occurredAt())), field(link.actor()), field(link.action()),
                field(link.entityType()), field(link.entityId()), field(number(link.townId())),
                field(number(link.projectId())), field(link.before()), field(link.after()), field(link.detail()),
                field(previousHash));
    }

    /** The hex SHA-256 of the canonical form: what the entry's {@code hash} column must hold. */
    public static String hash(Link link, String previousHash) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalForm(link, previousHash).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java platform has SHA-256", missing);
        }
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static String number(Long value) {
        return value == null ? null : value.toString();
    }

    private static String field(String value) {
        return value == null ? NULL : value.replace("\\", "\\\\").replace("|", "\\|");
    }
}
