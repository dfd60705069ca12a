package org.workrelief.project;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProjectRepository extends JpaRepository<Project, Long> {

    boolean existsByCode(String code);

    boolean existsByCodeAndIdNot(String code, Long id);

    @Query("""
            select p from Project p
            where (:townId is null or p.townId = :townId)
              and (:status is null or p.status = :status)
              and (:query = '' or lower(p.code) like concat('%', :query, '%') or lower(p.name) like concat('%', :query, '%')
                   or lower(p.villages) like concat('%', :query, '%'))
            """)
    Page<Project> search(@Param("townId") Long townId, @Param("status") ProjectStatus status,
            @Param("query") String query, Pageable pageable);

    /** Every project of the town (all towns with a null town), in one query. */
    @Query("select p from Project p where :townId is null or p.townId = :townId")
    List<Project> findVisible(@Param("townId") Long townId, Sort sort);
}
