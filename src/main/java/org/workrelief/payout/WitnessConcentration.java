package org.workrelief.payout;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;

/**
 * 互证集中提示: confirmations in a batch that lean on too few people, shown to the approver and the
 * committee on the batch page. Information only: nothing here holds the batch back.
 * <ul>
 * <li>One worker vouching for more than {@code workrelief.payout.witness-concentration.max-lines} lines
 * of the batch.</li>
 * <li>Two workers vouching only for each other: each of the two, in every batch of the project where
 * they vouched at all, vouched only for the other, in at least {@link #PAIR_BATCHES} batches, this one
 * among them. A follow-up batch (失败补发) repeats its batch's confirmations, so it is not counted again.</li>
 * </ul>
 * Every confirmation row counts, however it was given. Both rules are one statement.
 */
@Component
public class WitnessConcentration {

    /** How many of the project's batches two workers must have vouched only for each other in. */
    public static final int PAIR_BATCHES = 2;

    /** A worker as named on the page. */
    public record Person(String code, String name) {
    }

    /** One worker vouching for {@code lines} lines of the batch, more than {@code max}. */
    public record ManyLines(Person witness, int lines, int max) {
    }

    /** Two workers who vouched only for each other in {@code batches} batches of the project. */
    public record OnlyEachOther(Person first, Person second, int batches) {
    }

    /** What the batch page shows; empty for a viewer the block is not for. */
    public record Findings(List<ManyLines> manyLines, List<OnlyEachOther> onlyEachOther) {

        static final Findings NONE = new Findings(List.of(), List.of());

        public boolean empty() {
            return manyLines.isEmpty() && onlyEachOther.isEmpty();
        }
    }

    /** One finding as the statement gives it: kind 1 a witness of many lines, kind 2 a pair (code2, name2). */
    private record Found(int kind, int n, String code1, String name1, String code2, String name2) {
    }

    private final JdbcClient jdbc;
    private final int maxLines;

    WitnessConcentration(JdbcClient jdbc,
            @Value("${workrelief.payout.witness-concentration.max-lines:4}") int maxLines) {
        this.jdbc = jdbc;
        this.maxLines = maxLines;
    }

    /**
     * The findings of a batch for the approver (ADMIN) and the committee (SUPERVISOR); none for anyone
     * else. {@code visible} is the batch as {@link PayoutService#batch(SignedInUser, long)} gave it to
     * this viewer.
     */
    @Transactional(readOnly = true)
    public Findings of(SignedInUser viewer, PayoutBatch visible) {
        if (!viewer.hasRole(Role.ADMIN) && !viewer.hasRole(Role.SUPERVISOR)) {
            return Findings.NONE;
        }
        return of(visible.id(), visible.projectId());
    }

    Findings of(long batchId, long projectId) {
        List<ManyLines> many = new ArrayList<>();
        List<OnlyEachOther> pairs = new ArrayList<>();
        jdbc.sql("""
                with vouched as (
                    select c.witness_worker_id as witness, c.payee_worker_id as payee, l.batch_id,
                           b.reissue_of is not null as follow_up
                    from cross_confirmation c
                    join payout_line l on l.id = c.line_id
                    join payout_batch b on b.id = l.batch_id
                    where b.project_id = :projectId
                ),
                only_one as (
                    select witness, min(payee) as payee from vouched group by witness having count(distinct payee) = 1
                ),
                in_batches as (
                    select distinct witness, batch_id, follow_up from vouched
                ),
                pairs as (
                    select a.witness as first, a.payee as second, count(*) filter (where not x.follow_up) as batches
                    from only_one a
                    join only_one b on b.witness = a.payee and b.payee = a.witness
                    join in_batches x on x.witness = a.witness
                    join in_batches y on y.witness = a.payee and y.batch_id = x.batch_id
                    where a.witness < a.payee
                    group by a.witness, a.payee
                    having bool_or(x.batch_id = :batchId)
                ),
                found as (
                    select 1 as kind, witness as first, null::bigint as second, count(*) as n
                    from vouched where batch_id = :batchId group by witness having count(*) > :maxLines
                    union all
                    select 2, first, second, batches from pairs where batches >= :pairBatches
                )
                select f.kind, f.n, w1.worker_code as code1, w1.name as name1, w2.worker_code as code2, w2.name as name2
                from found f join worker_name w1 on w1.id = f.first left join worker_name w2 on w2.id = f.second
                order by f.kind, f.n desc, w1.worker_code
                """).param("projectId", projectId).param("batchId", batchId).param("maxLines", maxLines)
                .param("pairBatches", PAIR_BATCHES).query(Found.class).list().forEach(found -> {
                    Person first = new Person(found.code1(), found.name1());
                    if (found.kind() == 1) {
                        many.add(new ManyLines(first, found.n(), maxLines));
                    }
                    else {
                        pairs.add(new OnlyEachOther(first, new Person(found.code2(), found.name2()), found.n()));
                    }
                });
        return new Findings(List.copyOf(many), List.copyOf(pairs));
    }
}
