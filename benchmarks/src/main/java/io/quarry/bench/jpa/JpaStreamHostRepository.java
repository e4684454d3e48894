package io.quarry.bench.jpa;

import java.util.stream.Stream;
import org.springframework.data.repository.Repository;

/** Streams {@code host_stream}; call inside a (read-only) transaction and close the stream. */
public interface JpaStreamHostRepository extends Repository<JpaStreamHost, Long> {

    Stream<JpaStreamHost> streamAllBy();
}
