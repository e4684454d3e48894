package io.quarry.bench.springjdbc;

import java.util.stream.Stream;
import org.springframework.data.repository.Repository;

/** Streams {@code host_stream}; call inside a (read-only) transaction and close the stream. */
public interface DataJdbcStreamHostRepository extends Repository<DataJdbcStreamHost, Long> {

    Stream<DataJdbcStreamHost> streamAllBy();
}
