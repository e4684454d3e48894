package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Session options that cannot go together, and the arithmetic of a page of the Session API. */
class SessionOptionsTest {

    @Test
    void switchingReadOnlyOffBringsTheIdentityMapBack() {
        SessionOptions withoutMap = SessionOptions.DEFAULTS.withReadOnly(true).withIdentityMap(false);

        assertThat(withoutMap.identityMap()).isFalse();
        assertThat(withoutMap.withReadOnly(false).identityMap()).isTrue();
        assertThat(withoutMap.withReadOnly(true).identityMap()).as("staying read-only keeps it off").isFalse();
    }

    @Test
    void refusesASessionWithoutAnIdentityMapThatCouldWrite() {
        assertThatThrownBy(() -> SessionOptions.DEFAULTS.withIdentityMap(false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A session without an identity map must be read-only");
    }

    @Test
    void aPageOfSizeZeroIsTheOnlyPage() {
        assertThat(new PageResult<>(List.of(), 0, 0, 0).totalPages()).isEqualTo(1);
    }

    @Test
    void aPageHasANextOneOnlyWhileRowsAreLeftAfterIt() {
        assertThat(new PageResult<>(List.of("a"), 1, 10, 21).hasNext()).isTrue();
        assertThat(new PageResult<>(List.of("a"), 1, 10, 20).hasNext()).isFalse();
        assertThat(new PageResult<>(List.of("a"), 1, 10, 20).totalPages()).isEqualTo(2);
        assertThat(new PageResult<>(List.of("a"), 2, 10, 21).totalPages()).isEqualTo(3);
    }
}
