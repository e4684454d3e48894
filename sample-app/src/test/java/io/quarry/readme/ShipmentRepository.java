package io.quarry.readme;

import io.quarry.repository.CrudRepository;

public interface ShipmentRepository extends CrudRepository<Shipment, Long> {
}
