package io.quarry.sample;

import io.quarry.repository.CrudRepository;
import java.util.Optional;

/** Tags by name. */
public interface TagRepository extends CrudRepository<Tag, Long> {

    Optional<Tag> findByName(String name);
}
