package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Slice arithmetic and navigation, and what Pageable.unpaged() answers. */
class SliceTest {

    @Test
    void aMiddleSliceKnowsItsNeighboursWithoutATotal() {
        Slice<String> slice = Slice.of(List.of("c", "d"), PageRequest.of(1, 2), true);

        assertThat(slice.getNumber()).isEqualTo(1);
        assertThat(slice.getSize()).isEqualTo(2);
        assertThat(slice.getNumberOfElements()).isEqualTo(2);
        assertThat(slice.hasContent()).isTrue();
        assertThat(slice.hasNext()).isTrue();
        assertThat(slice.hasPrevious()).isTrue();
        assertThat(slice.isFirst()).isFalse();
        assertThat(slice.isLast()).isFalse();
        assertThat(slice.nextPageable()).isEqualTo(PageRequest.of(2, 2));
        assertThat(slice.previousPageable()).isEqualTo(PageRequest.of(0, 2));
        assertThat(slice.getPageable()).isEqualTo(PageRequest.of(1, 2));
        assertThat(slice).containsExactly("c", "d");
        assertThat(slice.stream()).containsExactly("c", "d");
    }

    @Test
    void theFirstAndLastSliceOffersNoFurtherPage() {
        Slice<String> only = Slice.of(List.of("a"), PageRequest.of(0, 2, Sort.by("name")), false);

        assertThat(only.isFirst()).isTrue();
        assertThat(only.isLast()).isTrue();
        assertThat(only.hasPrevious()).isFalse();
        assertThat(only.nextPageable().isUnpaged()).isTrue();
        assertThat(only.previousPageable().isUnpaged()).isTrue();
        assertThat(only.getSort()).isEqualTo(Sort.by("name"));
    }

    @Test
    void anUnpagedSliceIsPageZeroSizedByItsContent() {
        Slice<String> all = Slice.of(List.of("a", "b", "c"), Pageable.unpaged(), false);

        assertThat(all.getNumber()).isZero();
        assertThat(all.getSize()).isEqualTo(3);
        assertThat(all.isFirst()).isTrue();
    }

    @Test
    void contentIsCopiedAndCannotBeChanged() {
        List<String> source = new java.util.ArrayList<>(List.of("a"));
        Slice<String> slice = Slice.of(source, PageRequest.of(0, 2), false);
        source.add("b");

        assertThat(slice.getContent()).containsExactly("a");
        assertThatThrownBy(() -> slice.getContent().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapConvertsTheContentAndKeepsThePageAndWhetherMoreFollow() {
        Slice<Integer> lengths = Slice.of(List.of("ab", "c"), PageRequest.of(1, 2), true).map(String::length);

        assertThat(lengths).isEqualTo(Slice.of(List.of(2, 1), PageRequest.of(1, 2), true));
        assertThat(lengths.hasNext()).isTrue();
    }

    @Test
    void slicesAreEqualOnlyWithTheSameContentPageAndNextFlag() {
        Slice<String> slice = Slice.of(List.of("a"), PageRequest.of(0, 2), true);

        assertThat(slice).isEqualTo(Slice.of(List.of("a"), PageRequest.of(0, 2), true))
                .hasSameHashCodeAs(Slice.of(List.of("a"), PageRequest.of(0, 2), true))
                .isNotEqualTo(Slice.of(List.of("a"), PageRequest.of(0, 2), false))
                .isNotEqualTo(Slice.of(List.of("b"), PageRequest.of(0, 2), true))
                .isNotEqualTo(Slice.of(List.of("a"), PageRequest.of(1, 2), true))
                .isNotEqualTo(Page.of(List.of("a"), PageRequest.of(0, 2), 1));
        assertThat(slice.hashCode()).isNotEqualTo(Slice.of(List.of("a"), PageRequest.of(0, 3), true).hashCode());
    }

    @Test
    void saysWhetherMoreFollowInItsDescription() {
        assertThat(Slice.of(List.of("a", "b"), PageRequest.of(1, 2), true))
                .hasToString("Slice 1 containing 2 elements, more follow");
        assertThat(Slice.of(List.of("a"), PageRequest.of(0, 2), false)).hasToString("Slice 0 containing 1 elements");
    }

    @Test
    void unpagedStaysUnpagedWhereverItNavigates() {
        Pageable unpaged = Pageable.unpaged(Sort.by("port"));

        assertThat(unpaged.next()).isSameAs(unpaged);
        assertThat(unpaged.previousOrFirst()).isSameAs(unpaged);
        assertThat(unpaged.first()).isSameAs(unpaged);
        assertThat(unpaged.withPage(0)).isSameAs(unpaged);
        assertThat(unpaged.hasPrevious()).isFalse();
        assertThat(unpaged.isPaged()).isFalse();
    }

    @Test
    void unpagedRefusesAPageNumberSizeOrAnyPageButTheFirst() {
        Pageable unpaged = Pageable.unpaged();

        assertThatThrownBy(() -> unpaged.withPage(1))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Pageable.unpaged() has no withPage(1); check isPaged() first");
        assertThatThrownBy(unpaged::getPageNumber)
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Pageable.unpaged() has no getPageNumber; check isPaged() first");
        assertThatThrownBy(unpaged::getPageSize)
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Pageable.unpaged() has no getPageSize; check isPaged() first");
    }

    @Test
    void unpagedRequestsAreEqualByTheirSort() {
        assertThat(Pageable.unpaged(Sort.unsorted())).isSameAs(Pageable.unpaged());
        assertThat(Pageable.unpaged(null)).isSameAs(Pageable.unpaged());
        assertThat(Pageable.unpaged(Sort.by("port"))).isEqualTo(Pageable.unpaged(Sort.by("port")))
                .hasSameHashCodeAs(Pageable.unpaged(Sort.by("port")))
                .isNotEqualTo(Pageable.unpaged())
                .isNotEqualTo(PageRequest.of(0, 1, Sort.by("port")));
        assertThat(Pageable.unpaged(Sort.by("port")).hashCode()).isEqualTo(Sort.by("port").hashCode());
    }

    @Test
    void unpagedNamesItsSortInItsDescription() {
        assertThat(Pageable.unpaged()).hasToString("UNPAGED");
        assertThat(Pageable.unpaged(Sort.by("port").descending())).hasToString("UNPAGED (port: DESC)");
    }

    @Test
    void getSortOrFallsBackOnlyWhenUnsorted() {
        assertThat(Pageable.unpaged().getSortOr(Sort.by("id"))).isEqualTo(Sort.by("id"));
        assertThat(Pageable.unpaged(Sort.by("port")).getSortOr(Sort.by("id"))).isEqualTo(Sort.by("port"));
    }
}
