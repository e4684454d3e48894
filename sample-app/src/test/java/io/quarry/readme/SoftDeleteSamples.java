package io.quarry.readme;

import static io.quarry.sql.Sql.col;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.SoftDelete;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.IncludeDeleted;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import java.time.Instant;
import java.util.List;

/** The README's soft-delete samples, run by {@link ReadmeSamplesTest}. */
final class SoftDeleteSamples {

    // README: soft-delete-entity
    @Entity
    static class Customer {
        @Id @GeneratedValue Long id;
        @Column(length = 80) String email;
        @SoftDelete Instant deletedAt;          // null while live; or a flag: @SoftDelete boolean deleted

        protected Customer() {}
        Customer(String email) { this.email = email; }

        Instant getDeletedAt() { return deletedAt; }
    }
    // END

    // README: soft-delete-repository
    interface CustomerRepository extends CrudRepository<Customer, Long> {
        List<Customer> findByEmail(String email);               // live customers only, as every query

        @IncludeDeleted
        List<Customer> readByEmail(String email);               // deleted ones too

        @IncludeDeleted
        int updateDeletedAtById(Instant deletedAt, long id);    // updateDeletedAtById(null, id) restores one
    }
    // END

    record Counts(long live, long all, long afterRestore, int purged) {
    }

    private SoftDeleteSamples() {
    }

    static Counts run(Engine engine) {
        CustomerRepository customers = RepositoryFactory.of(engine.sessionFactory()).create(CustomerRepository.class);
        Customer customer = customers.save(new Customer("ann@example.com"));
        customers.save(new Customer("bob@example.com"));
        Instant cutoff = Instant.now().plusSeconds(60);
        long live;
        long all;
        int purged;
        try (Session session = engine.openSession()) {
            // README: soft-delete-session
            customers.deleteById(customer.id);          // update customer set deleted_at = ? where (id = ? and deleted_at is null)

            live = session.query(Customer.class).count();                    // 1: marked rows are left out
            all = session.query(Customer.class).includeDeleted().count();    // 2
            // END
        }
        customers.updateDeletedAtById(null, customer.id);
        long afterRestore = customers.count();
        customers.deleteById(customer.id);
        try (Session session = engine.openSession()) {
            // README: soft-delete-purge
            purged = session.query(Customer.class).includeDeleted()          // rows marked before the cutoff, for good
                    .filter(col(Customer::getDeletedAt).lt(cutoff))
                    .hardDelete();                                            // delete from customer where deleted_at < ?
            // END
            session.commit();
        }
        return new Counts(live, all, afterRestore, purged);
    }
}
