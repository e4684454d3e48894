package io.quarry.spring.it.events;

import io.quarry.repository.CrudRepository;

public interface ParcelRepository extends CrudRepository<Parcel, Long> {
}
