package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Window, the scroll positions and WindowIterator, as Spring Data Commons has them. */
class WindowTest {

    @Test
    void anOffsetPositionPointsAtARowAndTheNextWindowStartsAfterIt() {
        assertThat(ScrollPosition.offset().isInitial()).isTrue();
        assertThat(ScrollPosition.offset(0).isInitial()).isFalse();
        assertThat(ScrollPosition.offset(4).positionFunction().apply(0)).isEqualTo(ScrollPosition.offset(5));
        assertThat(ScrollPosition.offset().positionFunction().apply(2)).isEqualTo(ScrollPosition.offset(2));
        assertThat(ScrollPosition.offset(3).advanceBy(-10)).isEqualTo(ScrollPosition.offset(0));
        assertThatThrownBy(() -> ScrollPosition.offset().getOffset()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ScrollPosition.offset(-1)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("the offset must be 0 or more");
    }

    @Test
    void aKeysetPositionKeepsItsKeysInOrderAndTurnsAround() {
        KeysetScrollPosition position = ScrollPosition.forward(Map.of("port", 22));

        assertThat(position.scrollsForward()).isTrue();
        assertThat(position.backward().scrollsBackward()).isTrue();
        assertThat(position.reverse()).isEqualTo(ScrollPosition.backward(Map.of("port", 22)));
        assertThat(position.backward().forward()).isEqualTo(position);
        assertThat(ScrollPosition.keyset().isInitial()).isTrue();
        assertThat(ScrollPosition.of(Map.of(), ScrollPosition.Direction.BACKWARD))
                .isEqualTo(ScrollPosition.keyset().backward());
    }

    @Test
    void aMappedWindowKeepsThePositionsOfItsRows() {
        Window<Integer> window = Window.from(List.of(1, 2, 3), OffsetScrollPosition.positionFunction(10), true);
        Window<String> mapped = window.map(String::valueOf);

        assertThat(mapped.getContent()).containsExactly("1", "2", "3");
        assertThat(mapped.positionAt("2")).isEqualTo(ScrollPosition.offset(11));
        assertThat(mapped.hasNext()).isTrue();
        assertThat(mapped.isLast()).isFalse();
        assertThatThrownBy(() -> mapped.positionAt("9")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> mapped.positionAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aWindowIteratorReadsTheNextWindowFromTheLastPosition() {
        List<Integer> rows = List.of(0, 1, 2, 3, 4, 5, 6);
        List<ScrollPosition> asked = new ArrayList<>();
        WindowIterator<Integer> iterator = WindowIterator.<Integer>of(position -> {
            asked.add(position);
            int start = position.isInitial() ? 0 : (int) ((OffsetScrollPosition) position).getOffset() + 1;
            int end = Math.min(start + 3, rows.size());
            return Window.from(rows.subList(start, end), OffsetScrollPosition.positionFunction(start), end < rows.size());
        }).startingAt(ScrollPosition.offset());

        List<Integer> seen = new ArrayList<>();
        iterator.forEachRemaining(seen::add);

        assertThat(seen).isEqualTo(rows);
        assertThat(asked).containsExactly(ScrollPosition.offset(), ScrollPosition.offset(2), ScrollPosition.offset(5));
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    }
}
