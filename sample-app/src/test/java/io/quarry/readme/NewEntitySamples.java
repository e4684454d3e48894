package io.quarry.readme;

import io.quarry.ConstraintViolationException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Persistable;
import io.quarry.mapping.Transient;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;

/** The README's sample of new-entity detection for assigned ids, run by {@link ReadmeSamplesTest}. */
final class NewEntitySamples {

    // README: persistable
    @Entity
    static class Voucher implements Persistable<String> {
        @Id String code;                        // assigned by the application
        long amount;
        @Transient boolean created;             // true only for objects the application builds

        protected Voucher() {}                  // Quarry loads through this one: loaded objects are not new
        Voucher(String code, long amount) { this.code = code; this.amount = amount; this.created = true; }

        @Override public String getId() { return code; }
        @Override public boolean isNew() { return created; }
    }
    // END

    interface VoucherRepository extends CrudRepository<Voucher, String> {
    }

    private NewEntitySamples() {
    }

    /** Saves one voucher, then a second new one with the same code; returns whether that was refused. */
    static boolean saveTwice(Engine engine) {
        VoucherRepository vouchers = RepositoryFactory.of(engine.sessionFactory()).create(VoucherRepository.class);
        boolean refused = false;
        // README: persistable-save
        vouchers.save(new Voucher("SPRING-10", 10));       // new: one INSERT, no SELECT before it
        try {
            vouchers.save(new Voucher("SPRING-10", 20));   // new again: an INSERT the database refuses
        } catch (ConstraintViolationException duplicate) {  // DuplicateKeyException in a Spring application
            refused = duplicate.isDuplicateKey();          // the stored voucher still says 10
        }
        // END
        return refused;
    }
}
