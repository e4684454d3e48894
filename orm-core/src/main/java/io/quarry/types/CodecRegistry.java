package io.quarry.types;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codecs an engine knows, by Java type: the built-ins ({@link BuiltinCodecs}), then the
 * dialect's replacements, then the user's own. Enum codecs are made on first use. Lookups happen
 * when models are built, never per row. Thread-safe.
 */
public final class CodecRegistry {

    private final Map<Class<?>, Codec<?>> codecs = new ConcurrentHashMap<>();
    private final Map<Class<?>, Codec<?>> ordinalEnums = new ConcurrentHashMap<>();

    private CodecRegistry() {
    }

    /** A registry holding the built-in codecs. */
    public static CodecRegistry withDefaults() {
        CodecRegistry registry = new CodecRegistry();
        BuiltinCodecs.registerAll(registry);
        return registry;
    }

    /** Adds or replaces the codec for {@code type}; returns this registry. */
    public <T> CodecRegistry register(Class<T> type, Codec<T> codec) {
        codecs.put(type, codec);
        return this;
    }

    /** The codec for {@code type} (enums by name), if there is one. */
    public Optional<Codec<?>> find(Class<?> type) {
        return Optional.ofNullable(lookup(type, false));
    }

    /** The codec for {@code type}, with enums stored by ordinal when {@code enumByOrdinal}; null if none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Codec<?> lookup(Class<?> type, boolean enumByOrdinal) {
        Class<?> enumType = enumType(type);
        if (enumType != null && enumByOrdinal) {
            // before the general map: that one caches the by-name codec of the same enum
            return ordinalEnums.computeIfAbsent(enumType, t -> new EnumCodec((Class) t, true));
        }
        Codec<?> codec = codecs.get(type);
        if (codec != null) {
            return codec;
        }
        if (enumType != null) {
            return codecs.computeIfAbsent(enumType, t -> new EnumCodec((Class) t, false));
        }
        return null;
    }

    /** The codec for the runtime class of a value bound without a column (e.g. {@code count().gt(1)}). */
    public Codec<?> forValue(Object value) {
        Codec<?> codec = lookup(value.getClass(), false);
        if (codec == null) {
            throw new io.quarry.QuarryException("No codec for a value of type " + value.getClass().getName()
                    + "; register one with CodecRegistry.register");
        }
        return codec;
    }

    private static Class<?> enumType(Class<?> type) {
        if (type.isEnum()) {
            return type;
        }
        // constants with bodies are anonymous subclasses of the enum
        if (type.getSuperclass() != null && type.getSuperclass().isEnum()) {
            return type.getSuperclass();
        }
        return null;
    }
}
