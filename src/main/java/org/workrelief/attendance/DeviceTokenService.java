package org.workrelief.attendance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.db.RowStamp;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;

/**
 * Tokens for attendance terminals. A token is shown once when created and stored only as its
 * SHA-256 (a leaked database does not give working tokens). A revoked token stops working at once
 * on the instance that revoked it, and within {@link #RECHECK_AFTER} on the others: a token found
 * live is trusted that long without asking the database again, so that a terminal's sign-in takes
 * one pooled connection, not two.
 */
@Service
public class DeviceTokenService {

    /** Last use is written at most once a minute per token, so the hot sign-in path rarely writes it. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    /** How long a token found live is trusted before the database is asked again. */
    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

    /** Tokens recently found live, by hash (only live ones: unknown tokens never fill it). */
    private final Map<String, Checked> recentlyChecked = new ConcurrentHashMap<>();

    private record Checked(DeviceToken token, Instant at) {
    }

    /** Names fit "device:" + name in the 64 characters of recorded_by. */
    static final int MAX_NAME = 57;

    /** A token as {@link DeviceToken} reads it, by name. */
    private static final String TOKEN = "select id, project_id, name, created_at, last_used_at, revoked_at from device_token ";

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DeviceTokenService(JdbcClient jdbc, ProjectService projects, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A new token for a terminal; the plain token is in the answer and nowhere else. */
    public record IssuedToken(DeviceToken token, String plainToken) {
    }

    @Transactional
    public IssuedToken issue(SignedInUser actor, long projectId, String name) {
        Project project = adminProject(actor, projectId);
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new BusinessRuleException("device.name.required");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String plain = "wrd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RowStamp stamp = RowStamp.now(clock, actor.getUsername());
        long id = stamp.on(jdbc.sql("""
                insert into device_token (project_id, name, token_hash, %s)
                values (:projectId, :name, :tokenHash, %s) returning id
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("projectId", projectId).param("name", trimmed)
                .param("tokenHash", hash(plain)).query(Long.class).single();
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("DEVICE_TOKEN_ISSUED", "DeviceToken", id)
                .inProject(project.getId(), project.getTownId()).detail(trimmed));
        return new IssuedToken(new DeviceToken(id, projectId, trimmed, stamp.at(), null, null), plain);
    }

    @Transactional
    public void revoke(SignedInUser actor, long tokenId) {
        DeviceToken token = find(tokenId).orElseThrow(() -> new NotFoundException("DeviceToken", tokenId));
        Project project = adminProject(actor, token.projectId());
        int revoked = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql(
                "update device_token set revoked_at = :stampedAt, " + RowStamp.UPDATED
                        + " where id = :tokenId and revoked_at is null")).param("tokenId", tokenId).update();
        forgetOnceCommitted(tokenId);
        if (revoked == 0) {
            return; // already revoked (a second click): nothing changed, nothing to audit
        }
        auditLog.recordAs(actor.getUsername(), AuditEvent.of("DEVICE_TOKEN_REVOKED", "DeviceToken", tokenId)
                .inProject(project.getId(), project.getTownId()).detail(token.name()));
    }

    @Transactional(readOnly = true)
    public List<DeviceToken> tokensOf(SignedInUser viewer, long projectId) {
        adminProject(viewer, projectId);
        return jdbc.sql(TOKEN + "where project_id = :projectId order by id").param("projectId", projectId)
                .query(DeviceToken.class).list();
    }

    /** The live token with this plain value, noting its use; empty for an unknown or revoked token. */
    public Optional<DeviceToken> authenticate(String plainToken) {
        if (plainToken == null || plainToken.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(plainToken.trim());
        Instant now = clock.instant();
        Checked checked = recentlyChecked.get(hash);
        if (checked == null || !now.isBefore(checked.at().plus(RECHECK_AFTER)) || now.isBefore(checked.at())) {
            List<DeviceToken> found = jdbc.sql(TOKEN + "where token_hash = :hash and revoked_at is null")
                    .param("hash", hash).query(DeviceToken.class).list();
            if (found.isEmpty()) {
                recentlyChecked.remove(hash);
                return Optional.empty();
            }
            checked = new Checked(found.get(0), now);
            recentlyChecked.put(hash, checked);
        }
        DeviceToken token = checked.token();
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USE_RESOLUTION))) {
            jdbc.sql("update device_token set last_used_at = :now where id = :tokenId").param("now", Timestamp.from(now))
                    .param("tokenId", token.id()).update();
            token = token.usedAt(now);
            recentlyChecked.put(hash, new Checked(token, checked.at()));
        }
        return Optional.of(token);
    }

    /**
     * Drops the token from the recently checked ones when the revocation is committed (before, a sign-in
     * could read it live once more and keep it); again now, for one that was cached meanwhile.
     */
    private void forgetOnceCommitted(long tokenId) {
        recentlyChecked.values().removeIf(checked -> checked.token().id() == tokenId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                recentlyChecked.values().removeIf(checked -> checked.token().id() == tokenId);
            }
        });
    }

    private Optional<DeviceToken> find(long id) {
        return jdbc.sql(TOKEN + "where id = :tokenId").param("tokenId", id).query(DeviceToken.class).optional();
    }

    private Project adminProject(SignedInUser actor, long projectId) {
        actor.require(Role.ADMIN);
        return projects.get(actor, projectId);
    }


    /** One digest per thread: looking the algorithm up among the providers cost more than hashing a token. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String hash(String plain) {
        // digest() resets the digest for the next use
        return HexFormat.of().formatHex(SHA_256.get().digest(plain.getBytes(StandardCharsets.UTF_8)));
    }
}
