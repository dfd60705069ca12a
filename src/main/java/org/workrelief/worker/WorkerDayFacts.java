package org.workrelief.worker;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.workrelief.common.Masking;

/**
 * What the committee's daily review needs to know of the workers who signed in on a project's
 * day, read in one query: when their enrollment on the project was recorded (its creation date in
 * the project's zone) against the start date it gives, and the other workers of the project
 * registered with the same phone number. Bank cards are not compared here: the registry already
 * refuses a card that is another worker's ({@code uk_worker_bank_card}).
 */
@Component
public class WorkerDayFacts {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WorkerDayFacts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Another worker enrolled on the project (now or before) with the same phone number. */
    public record Peer(long workerId, String name, String code) {
    }

    /**
     * One worker's facts: the enrollment covering the day (or the latest before it), null dates when
     * there is none; the phone masked, and who else on the project has it (empty when nobody).
     */
    public record Fact(long workerId, String name, String code, LocalDate enrolledOn, LocalDate recordedOn,
            String phoneMasked, List<Peer> samePhone) {

        public Fact {
            samePhone = List.copyOf(samePhone);
        }
    }

    /** The facts of the given workers on the project's day, by worker id. */
    public Map<Long, Fact> of(long projectId, LocalDate day, Collection<Long> workerIds) {
        Map<Long, Fact> facts = new LinkedHashMap<>();
        if (workerIds.isEmpty()) {
            return facts;
        }
        jdbc.query("""
                with present as (select distinct unnest(?::bigint[]) as worker_id),
                recorded as (
                    select distinct on (e.worker_id) e.worker_id, e.enrolled_on, e.created_at
                    from present p join enrollment e on e.worker_id = p.worker_id and e.project_id = ?
                    order by e.worker_id, (e.enrolled_on <= ? and (e.left_on is null or e.left_on >= ?)) desc,
                             e.enrolled_on desc, e.id desc)
                select w.id, w.name, w.worker_code, w.phone, r.enrolled_on, r.created_at,
                       (select coalesce(array_agg(o.id order by o.id), '{}') from worker o
                        where w.phone is not null and o.phone = w.phone and o.id <> w.id
                          and exists (select 1 from enrollment oe where oe.worker_id = o.id and oe.project_id = ?)) as peer_ids,
                       (select coalesce(array_agg(o.name || chr(31) || o.worker_code order by o.id), '{}') from worker o
                        where w.phone is not null and o.phone = w.phone and o.id <> w.id
                          and exists (select 1 from enrollment oe where oe.worker_id = o.id and oe.project_id = ?)) as peers
                from present p join worker w on w.id = p.worker_id
                left join recorded r on r.worker_id = w.id
                order by w.id
                """, rs -> {
                    Long[] peerIds = (Long[]) rs.getArray("peer_ids").getArray();
                    String[] peerNames = (String[]) rs.getArray("peers").getArray();
                    List<Peer> peers = new ArrayList<>();
                    for (int i = 0; i < peerIds.length; i++) {
                        String[] nameAndCode = peerNames[i].split("\u001f", 2);
                        peers.add(new Peer(peerIds[i], nameAndCode[0], nameAndCode[1]));
                    }
                    Date enrolledOn = rs.getDate("enrolled_on");
                    var createdAt = rs.getTimestamp("created_at");
                    String phone = rs.getString("phone");
                    facts.put(rs.getLong("id"), new Fact(rs.getLong("id"), rs.getString("name"), rs.getString("worker_code"),
                            enrolledOn == null ? null : enrolledOn.toLocalDate(),
                            createdAt == null ? null : createdAt.toInstant().atZone(clock.getZone()).toLocalDate(),
                            phone == null ? null : Masking.phone(phone), peers));
                }, (Object) workerIds.toArray(Long[]::new), projectId, Date.valueOf(day), Date.valueOf(day), projectId,
                projectId);
        return facts;
    }
}
