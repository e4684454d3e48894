package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SortTest {

    @Test
    void combinesOrdersInTheOrderGiven() {
        Sort sort = Sort.by("port").descending().and(Sort.by("hostname"));

        assertThat(sort.toList()).containsExactly(Sort.Order.desc("port"), Sort.Order.asc("hostname"));
        assertThat(sort).hasToString("port: DESC, hostname: ASC");
        assertThat(sort.isSorted()).isTrue();
    }

    @Test
    void unsortedHasNoOrders() {
        assertThat(Sort.unsorted().isUnsorted()).isTrue();
        assertThat(Sort.unsorted()).isEmpty();
        assertThat(Sort.by(new String[0])).isEqualTo(Sort.unsorted());
        assertThat(Sort.unsorted()).hasToString("UNSORTED");
    }

    @Test
    void appliesADirectionToEveryProperty() {
        Sort sort = Sort.by(Sort.Direction.DESC, "port", "hostname");

        assertThat(sort).allMatch(Sort.Order::isDescending);
        assertThat(sort.ascending()).allMatch(Sort.Order::isAscending);
    }

    @Test
    void ordersCarryIgnoreCaseAndNullHandling() {
        Sort.Order order = Sort.Order.asc("hostname").ignoreCase().nullsLast();

        assertThat(order.isIgnoreCase()).isTrue();
        assertThat(order.getNullHandling()).isEqualTo(Sort.NullHandling.NULLS_LAST);
        assertThat(order.with(Sort.Direction.DESC).isIgnoreCase()).isTrue();
        assertThat(order).hasToString("hostname: ASC, ignoring case, NULLS_LAST");
    }

    @Test
    void isAValue() {
        assertThat(Sort.by("port")).isEqualTo(Sort.by(Sort.Order.asc("port"))).hasSameHashCodeAs(Sort.by("port"));
        assertThat(Sort.by("port")).isNotEqualTo(Sort.by("port").descending());
        assertThat(Sort.by("port", "hostname").getOrderFor("hostname")).isEqualTo(Sort.Order.asc("hostname"));
        assertThat(Sort.by("port").getOrderFor("note")).isNull();
    }

    @Test
    void rejectsABlankProperty() {
        assertThatThrownBy(() -> Sort.by(" "))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("A sort order needs a property name; got ' '");
    }

    @Test
    void readsDirectionsInAnyCase() {
        assertThat(Sort.Direction.fromString("desc")).isEqualTo(Sort.Direction.DESC);
        assertThat(Sort.Direction.fromString(" ASC ")).isEqualTo(Sort.Direction.ASC);
        assertThatThrownBy(() -> Sort.Direction.fromString("down"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Invalid sort direction 'down'; use 'asc' or 'desc'");
    }
}
