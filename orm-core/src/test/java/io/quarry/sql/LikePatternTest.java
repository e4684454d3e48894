package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void doublesQuarrysEscapeCharacterAndLeavesEverythingElse() {
        assertThat(Operand.likePattern("a%_\\b")).isEqualTo("a%_\\b");
        assertThat(Operand.likePattern("!a!")).isEqualTo("!!a!!");
        assertThat(Operand.likePattern("")).isEmpty();
    }

    @Test
    void rewritesAUsersEscapeCharacterToQuarrys() {
        assertThat(Operand.likePattern("#%a#_b##", '#')).isEqualTo("!%a!_b#");
        assertThat(Operand.likePattern("!%#%", '#')).isEqualTo("!!%!%");
        assertThat(Operand.likePattern("!!a!%", '!')).isEqualTo("!!a!%");
        assertThat(Operand.likePattern("a\\%", '#')).isEqualTo("a\\%");
    }

    @Test
    void refusesAnEscapeCharacterBeforeAnythingElseOrAtTheEnd() {
        assertThatThrownBy(() -> Operand.likePattern("ab#", '#')).isInstanceOf(QuarryException.class)
                .hasMessage("LIKE pattern 'ab#' has its escape character '#' at offset 2 at the end; the escape character"
                        + " may only precede %, _ or itself (write ## for a literal '#')");
        assertThatThrownBy(() -> Operand.likePattern("a#b%", '#'))
                .hasMessage("LIKE pattern 'a#b%' has its escape character '#' at offset 1 before 'b'; the escape character"
                        + " may only precede %, _ or itself (write ## for a literal '#')");
        assertThatThrownBy(() -> Operand.likePattern("###", '#')).hasMessageContaining("at offset 2 at the end");
    }
}
