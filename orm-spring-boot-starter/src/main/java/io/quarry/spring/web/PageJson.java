package io.quarry.spring.web;

import io.quarry.repository.Page;
import io.quarry.repository.Slice;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Stable JSON for Quarry's {@link Page} and {@link Slice} as controller results: the shape of Spring
 * Data's {@code PagedModel}, not the page object's getters (which would change with the interface):
 *
 * <pre>{@code
 * {"content": [...], "page": {"size": 20, "number": 0, "totalElements": 57, "totalPages": 3}}
 * {"content": [...], "slice": {"size": 20, "number": 0, "hasNext": true}}
 * }</pre>
 *
 * A Jackson module; the starter registers it as a bean, which Spring Boot adds to its JSON mapper.
 */
public final class PageJson extends SimpleModule {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"rawtypes", "unchecked"})
    public PageJson() {
        super("quarry-page");
        addSerializer((Class) Slice.class, new SliceSerializer());
    }

    /** Writes a page's or a slice's content and its metadata. */
    private static final class SliceSerializer extends ValueSerializer<Slice<?>> {

        @Override
        public void serialize(Slice<?> slice, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            json.writeName("content");
            context.writeValue(json, slice.getContent());
            if (slice instanceof Page<?> page) {
                json.writeName("page");
                json.writeStartObject();
                json.writeNumberProperty("size", page.getSize());
                json.writeNumberProperty("number", page.getNumber());
                json.writeNumberProperty("totalElements", page.getTotalElements());
                json.writeNumberProperty("totalPages", page.getTotalPages());
                json.writeEndObject();
            } else {
                json.writeName("slice");
                json.writeStartObject();
                json.writeNumberProperty("size", slice.getSize());
                json.writeNumberProperty("number", slice.getNumber());
                json.writeBooleanProperty("hasNext", slice.hasNext());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
    }
}
