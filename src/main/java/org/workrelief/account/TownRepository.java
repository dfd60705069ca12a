package org.workrelief.account;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TownRepository extends JpaRepository<Town, Long> {

    List<Town> findAllByOrderByCode();

    boolean existsByCodeIgnoreCase(String code);

    boolean existsByName(String name);
}
