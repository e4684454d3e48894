package io.quarry.bench.support;

/**
 * Told about each row a stream delivers. The measured runs use {@link #NONE}; the untimed heap
 * measurement uses {@link HeapProbe}, which collects garbage at checkpoints to see what the stream
 * retains.
 */
public interface StreamProbe {

    StreamProbe NONE = row -> {
    };

    /** Row number {@code row} (1-based) was just read. */
    void row(long row);
}
