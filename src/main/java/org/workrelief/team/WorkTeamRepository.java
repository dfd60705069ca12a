package org.workrelief.team;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkTeamRepository extends JpaRepository<WorkTeam, Long> {

    List<WorkTeam> findByProjectIdOrderById(Long projectId);

    long countByProjectId(Long projectId);

    boolean existsByProjectIdAndName(Long projectId, String name);

    boolean existsByProjectIdAndNameAndIdNot(Long projectId, String name, Long id);
}
