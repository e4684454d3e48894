package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PageRequest, Pageable.unpaged(), Page and Slice arithmetic. */
class PageRequestTest {

    @Test
    void computesTheOffset() {
        PageRequest request = PageRequest.of(3, 20, Sort.by("hostname"));

        assertThat(request.getOffset()).isEqualTo(60);
        assertThat(request.getSort()).isEqualTo(Sort.by("hostname"));
        assertThat(request.isPaged()).isTrue();
    }

    @Test
    void navigatesBetweenPages() {
        PageRequest request = PageRequest.of(1, 10);

        assertThat(request.next()).isEqualTo(PageRequest.of(2, 10));
        assertThat(request.previousOrFirst()).isEqualTo(PageRequest.of(0, 10));
        assertThat(PageRequest.of(0, 10).previousOrFirst()).isEqualTo(PageRequest.of(0, 10));
        assertThat(request.first()).isEqualTo(PageRequest.of(0, 10));
        assertThat(request.withPage(5).getPageNumber()).isEqualTo(5);
        assertThat(request.hasPrevious()).isTrue();
        assertThat(PageRequest.ofSize(7)).isEqualTo(PageRequest.of(0, 7));
        assertThat(PageRequest.of(0, 5, Sort.Direction.DESC, "port").getSort()).isEqualTo(Sort.by("port").descending());
    }

    @Test
    void rejectsANegativePageAndAnEmptySize() {
        assertThatThrownBy(() -> PageRequest.of(-1, 10))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Page number -1 is negative; pages are numbered from 0");
        assertThatThrownBy(() -> PageRequest.of(0, 0))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Page size 0 must be at least 1");
    }

    @Test
    void unpagedHasOnlyASort() {
        Pageable unpaged = Pageable.unpaged(Sort.by("port"));

        assertThat(unpaged.isUnpaged()).isTrue();
        assertThat(unpaged.getSort()).isEqualTo(Sort.by("port"));
        assertThat(Pageable.unpaged().getSort().isUnsorted()).isTrue();
        assertThatThrownBy(unpaged::getOffset)
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Pageable.unpaged() has no getOffset; check isPaged() first");
    }

    @Test
    void pageKnowsItsPositionAmongAllPages() {
        Page<String> page = Page.of(List.of("c", "d"), PageRequest.of(1, 2), 5);

        assertThat(page.getTotalElements()).isEqualTo(5);
        assertThat(page.getTotalPages()).isEqualTo(3);
        assertThat(page.getNumber()).isEqualTo(1);
        assertThat(page.getSize()).isEqualTo(2);
        assertThat(page.getNumberOfElements()).isEqualTo(2);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.isFirst()).isFalse();
        assertThat(page.isLast()).isFalse();
        assertThat(page.nextPageable()).isEqualTo(PageRequest.of(2, 2));
        assertThat(page.previousPageable()).isEqualTo(PageRequest.of(0, 2));
        assertThat(page).hasToString("Page 2 of 3 containing 2 elements");
    }

    @Test
    void lastPageHasNoNext() {
        Page<String> page = Page.of(List.of("e"), PageRequest.of(2, 2), 5);

        assertThat(page.isLast()).isTrue();
        assertThat(page.hasNext()).isFalse();
        assertThat(page.nextPageable().isUnpaged()).isTrue();
    }

    @Test
    void aPageBeyondTheEndKeepsTheCountedTotal() {
        Page<String> beyond = Page.of(List.of(), PageRequest.of(5, 3), 8);

        assertThat(beyond.getTotalElements()).isEqualTo(8);
        assertThat(beyond.hasNext()).isFalse();
    }

    @Test
    void aPageNeverReportsFewerRowsThanItHolds() {
        assertThat(Page.of(List.of("a", "b"), PageRequest.of(1, 2), 1).getTotalElements()).isEqualTo(4);
    }

    @Test
    void mapsContentKeepingTheTotals() {
        Page<Integer> lengths = Page.of(List.of("ab", "c"), PageRequest.of(0, 2), 3).map(String::length);

        assertThat(lengths.getContent()).containsExactly(2, 1);
        assertThat(lengths.getTotalElements()).isEqualTo(3);
    }

    @Test
    void emptyPageIsTheOnlyPage() {
        Page<String> empty = Page.empty();

        assertThat(empty.getTotalPages()).isEqualTo(1);
        assertThat(empty.hasContent()).isFalse();
        assertThat(empty.isFirst()).isTrue();
        assertThat(empty.isLast()).isTrue();
    }

    @Test
    void limitIsUnlimitedOrAtLeastZero() {
        assertThat(Limit.of(5).max()).isEqualTo(5);
        assertThat(Limit.of(0).isLimited()).isTrue();
        assertThat(Limit.unlimited().isUnlimited()).isTrue();
        assertThatThrownBy(() -> Limit.of(-1))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("the limit must be 0 or more");
    }
}
