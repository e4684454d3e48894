package io.quarry.repository;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How an {@link Example}'s probe is compared, as Spring Data's {@code ExampleMatcher}: every
 * condition must hold ({@link #matching()}, {@link #matchingAll()}) or any one
 * ({@link #matchingAny()}); strings compared exactly, by prefix, suffix, containment or regular
 * expression, for every property ({@link #withStringMatcher}) or per property path
 * ({@link #withMatcher(String, GenericPropertyMatcher)}); case ignored everywhere or per path;
 * paths left out ({@link #withIgnorePaths}); null properties left out (the default) or required to
 * be NULL ({@link #withIncludeNullValues()}).
 *
 * <p>Paths are property names of the probe's entity, or dotted paths through its to-one relations
 * ({@code "datacenter.name"}); an unknown path is refused, with the nearest property, before any
 * SQL (Spring Data ignores it silently). Immutable: every {@code with...} returns a new matcher;
 * thread-safe.
 */
public final class ExampleMatcher {

    /** Whether all conditions must hold or any one. */
    public enum MatchMode { ALL, ANY }

    /** What a null property of the probe means: nothing ({@code IGNORE}) or IS NULL ({@code INCLUDE}). */
    public enum NullHandler { INCLUDE, IGNORE }

    /**
     * How a String property of the probe is compared. {@code DEFAULT} is the store's default, equality.
     * The LIKE matchers take the probe's text literally: {@code %} and {@code _} in it are escaped.
     * {@code REGEX} uses the database's regular expressions (Java's on H2, POSIX on PostgreSQL, ICU on
     * MySQL, PCRE on MariaDB) and matches anywhere in the value unless anchored.
     */
    public enum StringMatcher { DEFAULT, EXACT, STARTING, ENDING, CONTAINING, REGEX }

    /** Changes a probe value before it is compared; an empty result leaves the property out. */
    @FunctionalInterface
    public interface PropertyValueTransformer extends Function<Optional<Object>, Optional<Object>> {
        /** The transformer that changes nothing. */
        static PropertyValueTransformer identity() {
            return value -> value;
        }
    }

    /** Configures a {@link GenericPropertyMatcher} in place: {@code withMatcher("name", m -> m.startsWith().ignoreCase())}. */
    @FunctionalInterface
    public interface MatcherConfigurer<T> {
        void configureMatcher(T matcher);
    }

    /** How one path is compared; what is not set falls back to the matcher's defaults. */
    public record PropertySpecifier(String path, StringMatcher stringMatcher, Boolean ignoreCase,
            PropertyValueTransformer valueTransformer) {

        public PropertySpecifier {
            Objects.requireNonNull(valueTransformer, "valueTransformer");
        }
    }

    /**
     * A mutable description of how to compare one path, filled fluently and copied by
     * {@link #withMatcher(String, GenericPropertyMatcher)}. Not thread-safe.
     */
    public static final class GenericPropertyMatcher {
        private StringMatcher stringMatcher;
        private Boolean ignoreCase;
        private PropertyValueTransformer valueTransformer = PropertyValueTransformer.identity();

        public static GenericPropertyMatcher of(StringMatcher stringMatcher) {
            return new GenericPropertyMatcher().stringMatcher(stringMatcher);
        }

        public static GenericPropertyMatcher of(StringMatcher stringMatcher, boolean ignoreCase) {
            return of(stringMatcher).ignoreCase(ignoreCase);
        }

        public GenericPropertyMatcher ignoreCase() {
            return ignoreCase(true);
        }

        public GenericPropertyMatcher ignoreCase(boolean value) {
            this.ignoreCase = value;
            return this;
        }

        public GenericPropertyMatcher caseSensitive() {
            return ignoreCase(false);
        }

        public GenericPropertyMatcher contains() {
            return stringMatcher(StringMatcher.CONTAINING);
        }

        public GenericPropertyMatcher endsWith() {
            return stringMatcher(StringMatcher.ENDING);
        }

        public GenericPropertyMatcher startsWith() {
            return stringMatcher(StringMatcher.STARTING);
        }

        public GenericPropertyMatcher exact() {
            return stringMatcher(StringMatcher.EXACT);
        }

        public GenericPropertyMatcher storeDefaultMatching() {
            return stringMatcher(StringMatcher.DEFAULT);
        }

        public GenericPropertyMatcher regex() {
            return stringMatcher(StringMatcher.REGEX);
        }

        public GenericPropertyMatcher stringMatcher(StringMatcher value) {
            this.stringMatcher = Objects.requireNonNull(value, "stringMatcher");
            return this;
        }

        public GenericPropertyMatcher transform(PropertyValueTransformer transformer) {
            this.valueTransformer = Objects.requireNonNull(transformer, "transformer");
            return this;
        }
    }

    /** Ready-made {@link GenericPropertyMatcher}s, for {@code import static}: {@code withMatcher("name", startsWith())}. */
    public static final class GenericPropertyMatchers {
        private GenericPropertyMatchers() {
        }

        public static GenericPropertyMatcher ignoreCase() {
            return new GenericPropertyMatcher().ignoreCase();
        }

        public static GenericPropertyMatcher caseSensitive() {
            return new GenericPropertyMatcher().caseSensitive();
        }

        public static GenericPropertyMatcher contains() {
            return new GenericPropertyMatcher().contains();
        }

        public static GenericPropertyMatcher endsWith() {
            return new GenericPropertyMatcher().endsWith();
        }

        public static GenericPropertyMatcher startsWith() {
            return new GenericPropertyMatcher().startsWith();
        }

        public static GenericPropertyMatcher exact() {
            return new GenericPropertyMatcher().exact();
        }

        public static GenericPropertyMatcher storeDefaultMatching() {
            return new GenericPropertyMatcher().storeDefaultMatching();
        }

        public static GenericPropertyMatcher regex() {
            return new GenericPropertyMatcher().regex();
        }
    }

    private static final ExampleMatcher ALL = new ExampleMatcher(MatchMode.ALL, NullHandler.IGNORE,
            StringMatcher.DEFAULT, false, Map.of(), Set.of());

    private final MatchMode mode;
    private final NullHandler nullHandler;
    private final StringMatcher defaultStringMatcher;
    private final boolean defaultIgnoreCase;
    private final Map<String, PropertySpecifier> specifiers;
    private final Set<String> ignoredPaths;

    private ExampleMatcher(MatchMode mode, NullHandler nullHandler, StringMatcher defaultStringMatcher,
            boolean defaultIgnoreCase, Map<String, PropertySpecifier> specifiers, Set<String> ignoredPaths) {
        this.mode = mode;
        this.nullHandler = nullHandler;
        this.defaultStringMatcher = defaultStringMatcher;
        this.defaultIgnoreCase = defaultIgnoreCase;
        this.specifiers = Collections.unmodifiableMap(new LinkedHashMap<>(specifiers));
        this.ignoredPaths = Collections.unmodifiableSet(new LinkedHashSet<>(ignoredPaths));
    }

    /** Every condition must hold; nulls ignored, strings compared exactly, case-sensitively. */
    public static ExampleMatcher matching() {
        return ALL;
    }

    /** The same as {@link #matching()}. */
    public static ExampleMatcher matchingAll() {
        return ALL;
    }

    /** Any one condition is enough (the conditions are ORed). */
    public static ExampleMatcher matchingAny() {
        return new ExampleMatcher(MatchMode.ANY, NullHandler.IGNORE, StringMatcher.DEFAULT, false, Map.of(), Set.of());
    }

    /** Leaves these property paths out of the comparison, whatever the probe holds there. */
    public ExampleMatcher withIgnorePaths(String... paths) {
        Set<String> ignored = new LinkedHashSet<>(ignoredPaths);
        for (String path : paths) {
            ignored.add(checkPath(path));
        }
        return new ExampleMatcher(mode, nullHandler, defaultStringMatcher, defaultIgnoreCase, specifiers, ignored);
    }

    /** How String properties without a matcher of their own are compared. */
    public ExampleMatcher withStringMatcher(StringMatcher matcher) {
        return new ExampleMatcher(mode, nullHandler, Objects.requireNonNull(matcher, "matcher"), defaultIgnoreCase,
                specifiers, ignoredPaths);
    }

    /** Ignores case for every String property without a rule of its own. */
    public ExampleMatcher withIgnoreCase() {
        return withIgnoreCase(true);
    }

    public ExampleMatcher withIgnoreCase(boolean ignoreCase) {
        return new ExampleMatcher(mode, nullHandler, defaultStringMatcher, ignoreCase, specifiers, ignoredPaths);
    }

    /** Ignores case for these property paths. */
    public ExampleMatcher withIgnoreCase(String... paths) {
        ExampleMatcher result = this;
        for (String path : paths) {
            PropertySpecifier current = result.specifier(path);
            result = result.withSpecifier(new PropertySpecifier(current.path(), current.stringMatcher(), true,
                    current.valueTransformer()));
        }
        return result;
    }

    /** Compares {@code path} as {@code matcher} says ({@code withMatcher("name", startsWith().ignoreCase())}). */
    public ExampleMatcher withMatcher(String path, GenericPropertyMatcher matcher) {
        Objects.requireNonNull(matcher, "matcher");
        PropertySpecifier current = specifier(path);
        return withSpecifier(new PropertySpecifier(current.path(),
                matcher.stringMatcher != null ? matcher.stringMatcher : current.stringMatcher(),
                matcher.ignoreCase != null ? matcher.ignoreCase : current.ignoreCase(), matcher.valueTransformer));
    }

    /** Compares {@code path} as the configured matcher says ({@code withMatcher("name", m -> m.endsWith())}). */
    public ExampleMatcher withMatcher(String path, MatcherConfigurer<GenericPropertyMatcher> configurer) {
        GenericPropertyMatcher matcher = new GenericPropertyMatcher();
        Objects.requireNonNull(configurer, "configurer").configureMatcher(matcher);
        return withMatcher(path, matcher);
    }

    /** Passes the probe's value at {@code path} through {@code transformer} before comparing it. */
    public ExampleMatcher withTransformer(String path, PropertyValueTransformer transformer) {
        PropertySpecifier current = specifier(path);
        return withSpecifier(new PropertySpecifier(current.path(), current.stringMatcher(), current.ignoreCase(),
                Objects.requireNonNull(transformer, "transformer")));
    }

    public ExampleMatcher withNullHandler(NullHandler handler) {
        return new ExampleMatcher(mode, Objects.requireNonNull(handler, "handler"), defaultStringMatcher,
                defaultIgnoreCase, specifiers, ignoredPaths);
    }

    /** A null property of the probe means IS NULL. */
    public ExampleMatcher withIncludeNullValues() {
        return withNullHandler(NullHandler.INCLUDE);
    }

    /** A null property of the probe is left out (the default). */
    public ExampleMatcher withIgnoreNullValues() {
        return withNullHandler(NullHandler.IGNORE);
    }

    public NullHandler getNullHandler() {
        return nullHandler;
    }

    public StringMatcher getDefaultStringMatcher() {
        return defaultStringMatcher;
    }

    public boolean isIgnoreCaseEnabled() {
        return defaultIgnoreCase;
    }

    public boolean isIgnoredPath(String path) {
        return ignoredPaths.contains(path);
    }

    public Set<String> getIgnoredPaths() {
        return ignoredPaths;
    }

    /** The rules given per path, by path, in the order given. */
    public Map<String, PropertySpecifier> getPropertySpecifiers() {
        return specifiers;
    }

    public MatchMode getMatchMode() {
        return mode;
    }

    public boolean isAllMatching() {
        return mode == MatchMode.ALL;
    }

    public boolean isAnyMatching() {
        return mode == MatchMode.ANY;
    }

    /** The string matcher of {@code path}: its own, else the default. */
    public StringMatcher getStringMatcherForPath(String path) {
        PropertySpecifier specifier = specifiers.get(path);
        return specifier != null && specifier.stringMatcher() != null ? specifier.stringMatcher() : defaultStringMatcher;
    }

    /** Whether case is ignored at {@code path}: its own rule, else the default. */
    public boolean isIgnoreCaseForPath(String path) {
        PropertySpecifier specifier = specifiers.get(path);
        return specifier != null && specifier.ignoreCase() != null ? specifier.ignoreCase() : defaultIgnoreCase;
    }

    /** The transformer of {@code path}, the identity when none was given. */
    public PropertyValueTransformer getValueTransformerForPath(String path) {
        PropertySpecifier specifier = specifiers.get(path);
        return specifier == null ? PropertyValueTransformer.identity() : specifier.valueTransformer();
    }

    private PropertySpecifier specifier(String path) {
        PropertySpecifier existing = specifiers.get(checkPath(path));
        return existing != null ? existing : new PropertySpecifier(path, null, null, PropertyValueTransformer.identity());
    }

    private ExampleMatcher withSpecifier(PropertySpecifier specifier) {
        Map<String, PropertySpecifier> all = new LinkedHashMap<>(specifiers);
        all.put(specifier.path(), specifier);
        return new ExampleMatcher(mode, nullHandler, defaultStringMatcher, defaultIgnoreCase, all, ignoredPaths);
    }

    private static String checkPath(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidArgumentException("An ExampleMatcher path must name a property (\"hostname\") or a path "
                    + "through to-one relations (\"datacenter.name\"); got " + (path == null ? "null" : "'" + path + "'"));
        }
        return path;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExampleMatcher that && mode == that.mode && nullHandler == that.nullHandler
                && defaultStringMatcher == that.defaultStringMatcher && defaultIgnoreCase == that.defaultIgnoreCase
                && specifiers.equals(that.specifiers) && ignoredPaths.equals(that.ignoredPaths);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, nullHandler, defaultStringMatcher, defaultIgnoreCase, specifiers, ignoredPaths);
    }

    @Override
    public String toString() {
        return "ExampleMatcher[" + mode + ", nulls " + nullHandler + ", strings " + defaultStringMatcher
                + (defaultIgnoreCase ? " ignoring case" : "") + ", paths " + specifiers.keySet() + ", ignored "
                + ignoredPaths + "]";
    }
}
