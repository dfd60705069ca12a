package org.workrelief.worker;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    boolean existsByProjectIdAndWorkerIdAndStatus(Long projectId, Long workerId, EnrollmentStatus status);

    @Query("select e from Enrollment e join fetch e.worker where e.worker.id = :workerId order by e.enrolledOn desc")
    List<Enrollment> findByWorker(@Param("workerId") Long workerId);

    @Query("""
            select count(e) from Enrollment e
            where e.projectId = :projectId and e.status = 'ACTIVE' and e.contractSignedOn is not null
              and e.insuranceFrom <= :day and e.insuranceTo >= :day
            """)
    long countReady(@Param("projectId") Long projectId, @Param("day") LocalDate day);

    @Query("select e.source, count(e) from Enrollment e where e.projectId = :projectId and e.status = 'ACTIVE' group by e.source")
    List<Object[]> countActiveBySource(@Param("projectId") Long projectId);

    @Query("select e.teamId, count(e) from Enrollment e where e.projectId = :projectId and e.status = 'ACTIVE' group by e.teamId")
    List<Object[]> countActiveByTeam(@Param("projectId") Long projectId);

    String ROSTER_WHERE = """
             where e.projectId = :projectId
              and (:teamId is null or e.teamId = :teamId)
              and (:status is null or e.status = :status)
              and (:expiring = false or (e.insuranceTo >= :today and e.insuranceTo <= :expiringBy))
              and (:noContract = false or e.contractSignedOn is null)
              and (:groupCode = '' or :groupCode member of w.groups)
              and (:query = '' or w.name like concat('%', :query, '%') or w.phone like concat('%', :query, '%')
                   or w.village like concat('%', :query, '%') or upper(w.workerCode) = upper(:query)
                   or w.idNumber.hash = :idHash)
            """;

    @Query(value = "select e from Enrollment e join fetch e.worker w" + ROSTER_WHERE,
            countQuery = "select count(e) from Enrollment e join e.worker w" + ROSTER_WHERE)
    Page<Enrollment> roster(@Param("projectId") Long projectId, @Param("teamId") Long teamId,
            @Param("status") EnrollmentStatus status, @Param("today") LocalDate today,
            @Param("expiring") boolean expiring, @Param("expiringBy") LocalDate expiringBy,
            @Param("noContract") boolean noContract,
            @Param("query") String query, @Param("idHash") String idHash, @Param("groupCode") String groupCode,
            Pageable pageable);

    @Query("""
            select e from Enrollment e join fetch e.worker w
            where e.projectId = :projectId and w.id = :workerId
            order by case when e.status = 'ACTIVE' then 0 else 1 end, e.id desc
            """)
    List<Enrollment> findOnProjectByWorkerId(@Param("projectId") Long projectId, @Param("workerId") Long workerId);

    @Query("select e from Enrollment e join fetch e.worker w where e.projectId = :projectId and e.teamId = :teamId and e.status = 'ACTIVE' order by w.name")
    List<Enrollment> activeMembers(@Param("projectId") Long projectId, @Param("teamId") Long teamId);

    @Query("select e from Enrollment e join fetch e.worker w where e.projectId = :projectId order by e.teamId, w.name")
    List<Enrollment> wholeRoster(@Param("projectId") Long projectId);

    @Query("""
            select new org.workrelief.worker.RosterMember(e.id, w.id, w.workerCode, w.name, w.idNumber.masked, e.teamId,
                e.enrolledOn, e.leftOn)
            from Enrollment e join e.worker w where e.projectId = :projectId order by e.teamId, w.name""")
    List<RosterMember> rosterMembers(@Param("projectId") Long projectId);
}
