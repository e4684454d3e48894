package io.quarry.repository;

import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.caseSensitive;
import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.contains;
import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.storeDefaultMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.repository.ExampleMatcher.NullHandler;
import io.quarry.repository.ExampleMatcher.StringMatcher;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExampleMatcherTest {

    @Test
    void matchingIsAllMatchingWithSpringDatasDefaults() {
        ExampleMatcher matcher = ExampleMatcher.matching();
        assertThat(matcher).isSameAs(ExampleMatcher.matchingAll());
        assertThat(matcher.isAllMatching()).isTrue();
        assertThat(matcher.isAnyMatching()).isFalse();
        assertThat(matcher.getNullHandler()).isEqualTo(NullHandler.IGNORE);
        assertThat(matcher.getDefaultStringMatcher()).isEqualTo(StringMatcher.DEFAULT);
        assertThat(matcher.isIgnoreCaseEnabled()).isFalse();
        assertThat(matcher.getPropertySpecifiers()).isEmpty();
        assertThat(matcher.getIgnoredPaths()).isEmpty();
        assertThat(ExampleMatcher.matchingAny().getMatchMode()).isEqualTo(ExampleMatcher.MatchMode.ANY);
    }

    @Test
    void matchingAnyIsAnyMatchingAndNotAllMatching() {
        ExampleMatcher any = ExampleMatcher.matchingAny();
        assertThat(any.isAnyMatching()).isTrue();
        assertThat(any.isAllMatching()).isFalse();
        assertThat(any).isNotEqualTo(ExampleMatcher.matchingAll());
    }

    @Test
    void describesItsModeNullsStringsCaseAndPaths() {
        assertThat(ExampleMatcher.matching()).hasToString("ExampleMatcher[ALL, nulls IGNORE, strings DEFAULT, paths [], "
                + "ignored []]");
        assertThat(ExampleMatcher.matchingAny().withIgnoreCase().withMatcher("name", contains()).withIgnorePaths("id"))
                .hasToString("ExampleMatcher[ANY, nulls IGNORE, strings DEFAULT ignoring case, paths [name], ignored "
                        + "[id]]");
    }

    @Test
    void everyWitherReturnsANewMatcherAndLeavesTheOldOneAlone() {
        ExampleMatcher base = ExampleMatcher.matching();
        ExampleMatcher changed = base.withIgnoreCase().withIncludeNullValues().withStringMatcher(StringMatcher.ENDING)
                .withIgnorePaths("id");
        assertThat(base).isEqualTo(ExampleMatcher.matching()).isNotEqualTo(changed);
        assertThat(changed.isIgnoreCaseEnabled()).isTrue();
        assertThat(changed.getNullHandler()).isEqualTo(NullHandler.INCLUDE);
        assertThat(changed.withIgnoreNullValues().getNullHandler()).isEqualTo(NullHandler.IGNORE);
        assertThat(changed.getDefaultStringMatcher()).isEqualTo(StringMatcher.ENDING);
        assertThat(changed.isIgnoredPath("id")).isTrue();
        assertThat(changed.isIgnoredPath("name")).isFalse();
        assertThat(changed.withIgnoreCase(false).isIgnoreCaseEnabled()).isFalse();
        assertThat(changed).hasSameHashCodeAs(base.withIgnoreCase().withIncludeNullValues()
                .withStringMatcher(StringMatcher.ENDING).withIgnorePaths("id"));
    }

    @Test
    void aPathsRulesMergeAndFallBackToTheDefaults() {
        ExampleMatcher matcher = ExampleMatcher.matching().withStringMatcher(StringMatcher.STARTING)
                .withIgnoreCase("name").withMatcher("name", contains());
        assertThat(matcher.getStringMatcherForPath("name")).isEqualTo(StringMatcher.CONTAINING);
        assertThat(matcher.isIgnoreCaseForPath("name")).as("kept from withIgnoreCase(paths)").isTrue();
        assertThat(matcher.getStringMatcherForPath("tier")).isEqualTo(StringMatcher.STARTING);
        assertThat(matcher.isIgnoreCaseForPath("tier")).isFalse();
        ExampleMatcher sensitive = matcher.withIgnoreCase().withMatcher("name", caseSensitive());
        assertThat(sensitive.isIgnoreCaseForPath("name")).isFalse();
        assertThat(sensitive.isIgnoreCaseForPath("tier")).isTrue();
        assertThat(sensitive.getStringMatcherForPath("name")).as("a matcher that sets no string matcher keeps it")
                .isEqualTo(StringMatcher.CONTAINING);
        assertThat(sensitive.withMatcher("name", storeDefaultMatching()).getStringMatcherForPath("name"))
                .isEqualTo(StringMatcher.DEFAULT);
    }

    @Test
    void transformersApplyPerPathAndDefaultToTheIdentity() {
        ExampleMatcher matcher = ExampleMatcher.matching().withTransformer("name",
                value -> value.map(name -> ((String) name).trim()));
        assertThat(matcher.getValueTransformerForPath("name").apply(Optional.of(" web "))).contains("web");
        assertThat(matcher.getValueTransformerForPath("tier").apply(Optional.of(" web "))).contains(" web ");
        assertThat(matcher.withMatcher("name", m -> m.startsWith()).getValueTransformerForPath("name")
                .apply(Optional.of(" web "))).as("a matcher without a transformer resets it, as in Spring Data")
                .contains(" web ");
    }

    @Test
    void refusesBlankPathsAndNullRules() {
        assertThatThrownBy(() -> ExampleMatcher.matching().withIgnorePaths((String) null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("got null");
        assertThatThrownBy(() -> ExampleMatcher.matching().withMatcher("", contains()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("got ''");
        assertThatThrownBy(() -> ExampleMatcher.matching().withStringMatcher(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Example.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a probe is required");
    }

    @Test
    void anExampleKnowsItsProbeAndMatcher() {
        ExampleMatcher matcher = ExampleMatcher.matchingAny();
        Example<StringBuilder> example = Example.of(new StringBuilder("probe"), matcher);
        assertThat(example.getMatcher()).isSameAs(matcher);
        assertThat(example.getProbe()).hasToString("probe");
        assertThat(example.getProbeType()).isEqualTo(StringBuilder.class);
        assertThat(Example.of("x").getMatcher()).isSameAs(ExampleMatcher.matching());
    }
}
