package io.quarry.repository.query.parse;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import java.util.Locale;

/**
 * Finds the property a method name or parameter name refers to: exactly (property or column
 * name), else ignoring case ({@code IPAddr} finds {@code ipAddr}). Stateless.
 */
public final class PropertyNames {

    private PropertyNames() {
    }

    /** The property {@code name} refers to, or null. */
    public static PropertyModel find(EntityModel<?> model, String name) {
        PropertyModel exact = model.findProperty(name);
        if (exact != null) {
            return exact;
        }
        PropertyModel found = null;
        for (PropertyModel property : model.properties()) {
            if (property.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                if (found != null) {
                    return null;
                }
                found = property;
            }
        }
        return found;
    }

    /** The property {@code name} refers to; a MappingException with the closest name otherwise. */
    public static PropertyModel resolve(EntityModel<?> model, String name) {
        PropertyModel found = find(model, name);
        return found != null ? found : model.property(name);
    }
}
