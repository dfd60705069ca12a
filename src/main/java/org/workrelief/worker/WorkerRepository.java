package org.workrelief.worker;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WorkerRepository extends JpaRepository<Worker, Long> {

    @Query("select count(w) > 0 from Worker w where w.idNumber.hash = :hash")
    boolean existsByIdNumberHash(@Param("hash") String hash);

    @Query("select w from Worker w where w.idNumber.hash = :hash")
    Optional<Worker> findByIdNumberHash(@Param("hash") String hash);


    Optional<Worker> findByWorkerCode(String workerCode);

    @Query("select w.id from Worker w where w.bankCard.hash = :hash")
    Optional<Long> findIdByBankCardHash(@Param("hash") String hash);

    /** The other workers of a town registered with this phone number, in registration order. */
    @Query("select w from Worker w where w.townId = :townId and w.phone = :phone and w.id <> :self order by w.id")
    List<Worker> findSamePhone(@Param("townId") Long townId, @Param("phone") String phone, @Param("self") Long self);

    /** Workers of a town (all towns when null) matching a name, phone, village or code fragment, or an exact ID hash. */
    @Query("""
            select w from Worker w
            where (:townId is null or w.townId = :townId)
              and (:query = '' or w.name like concat('%', :query, '%') or w.phone like concat('%', :query, '%')
                   or w.village like concat('%', :query, '%') or upper(w.workerCode) = upper(:query)
                   or w.idNumber.hash = :idHash)
            """)
    Page<Worker> search(@Param("townId") Long townId, @Param("query") String query, @Param("idHash") String idHash,
            Pageable pageable);

    @Query(value = "select nextval('worker_code_seq')", nativeQuery = true)
    long nextCodeNumber();
}
