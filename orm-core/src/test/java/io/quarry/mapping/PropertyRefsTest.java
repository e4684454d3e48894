package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/**
 * Method references resolve to their entity class and property name, the first time and from the
 * cache; lambdas are refused with the way out.
 */
class PropertyRefsTest {

    static class Host {
        int port;
        boolean active;

        int getPort() {
            return port;
        }

        boolean isActive() {
            return active;
        }
    }

    record Point(long id, double x) {
    }

    /**
     * A method reference whose class nothing has resolved yet: a new class per call, as a new call
     * site would get, so the cache cannot answer for it.
     */
    @SuppressWarnings("unchecked")
    private static <T, V> Property<T, V> freshReference(Class<T> owner, String method, Class<?> returned,
            Class<V> boxed) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle target = lookup.findVirtual(owner, method, MethodType.methodType(returned));
        CallSite site = LambdaMetafactory.altMetafactory(lookup, "apply", MethodType.methodType(Property.class),
                MethodType.methodType(Object.class, Object.class), target, MethodType.methodType(boxed, owner),
                LambdaMetafactory.FLAG_SERIALIZABLE);
        return (Property<T, V>) site.getTarget().invoke();
    }

    @Test
    void resolvesAGetterAnIsGetterAndARecordAccessorTheFirstTime() throws Throwable {
        assertThat(PropertyRefs.resolve(freshReference(Host.class, "getPort", int.class, Integer.class)))
                .isEqualTo(new PropertyRefs.Ref(Host.class, "port"));
        assertThat(PropertyRefs.resolve(freshReference(Host.class, "isActive", boolean.class, Boolean.class)))
                .isEqualTo(new PropertyRefs.Ref(Host.class, "active"));
        assertThat(PropertyRefs.resolve(freshReference(Point.class, "x", double.class, Double.class)))
                .isEqualTo(new PropertyRefs.Ref(Point.class, "x"));
    }

    @Test
    void resolvesTheSameReferenceFromTheCache() throws Throwable {
        Property<Host, Integer> port = freshReference(Host.class, "getPort", int.class, Integer.class);

        PropertyRefs.Ref first = PropertyRefs.resolve(port);

        assertThat(PropertyRefs.resolve(port)).isSameAs(first);
        Property<Host, Integer> callSite = Host::getPort;
        assertThat(PropertyRefs.resolve(callSite)).isEqualTo(first);
    }

    @Test
    void refusesALambdaNamingTheWayOut() {
        Property<Host, Integer> lambda = host -> host.port;

        assertThatThrownBy(() -> PropertyRefs.resolve(lambda))
                .isInstanceOf(MappingException.class)
                .hasMessage("A property reference must be a method reference to a getter or record accessor "
                        + "(Host::getPort, Host::port), not a lambda expression; for classes without getters, name the "
                        + "property as a string (\"port\")");
    }
}
