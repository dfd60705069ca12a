package org.workrelief.account;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @EntityGraph(attributePaths = "town")
    @Query("select u from UserAccount u where lower(u.username) = lower(:username)")
    Optional<UserAccount> findByUsername(@Param("username") String username);

    @Query("select count(u) > 0 from UserAccount u where lower(u.username) = lower(:username)")
    boolean existsByUsername(@Param("username") String username);

    @Query("select u from UserAccount u where u.town.id = :townId and u.role = :role and u.enabled = true order by u.id")
    java.util.List<UserAccount> findActive(@Param("townId") long townId, @Param("role") Role role);

    /** Users visible to a viewer: of one town, or of all towns when {@code townId} is null. */
    @EntityGraph(attributePaths = "town")
    @Query(value = """
            select u from UserAccount u left join u.town t
            where (:townId is null or t.id = :townId)
              and (:query = '' or lower(u.username) like concat('%', :query, '%')
                   or u.displayName like concat('%', :query, '%'))
            """, countQuery = """
            select count(u) from UserAccount u left join u.town t
            where (:townId is null or t.id = :townId)
              and (:query = '' or lower(u.username) like concat('%', :query, '%')
                   or u.displayName like concat('%', :query, '%'))
            """)
    Page<UserAccount> search(@Param("townId") Long townId, @Param("query") String query, Pageable pageable);
}
