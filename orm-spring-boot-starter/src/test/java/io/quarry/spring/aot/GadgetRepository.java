package io.quarry.spring.aot;

import io.quarry.repository.CrudRepository;
import java.util.List;

/** A repository returning an interface projection (with a nested one) and a record DTO. */
public interface GadgetRepository extends CrudRepository<Gadget, Long> {

    List<GadgetName> findByKind(Gadget.Kind kind);

    List<GadgetLine> findByNameStartingWith(String prefix);

    /** An interface projection: a JDK proxy at run time. */
    interface GadgetName {

        String getName();

        MakerName getMaker();
    }

    /** Nested in {@link GadgetName}, across the to-one relation. */
    interface MakerName {

        String getName();
    }

    /** A DTO built through its canonical constructor. */
    record GadgetLine(String name, Gadget.Kind kind) {
    }
}
