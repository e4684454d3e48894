package io.quarry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Query;
import io.quarry.session.RowQuery;
import io.quarry.session.Session;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delegating subclasses override every public method of the core classes they decorate: a method
 * added to Session, Query or RowQuery without an override here would run on an empty object.
 */
class DelegationTest {

    @Test
    void springManagedSessionOverridesEveryPublicMethodOfSession() {
        assertThat(notOverridden(Session.class, SpringManagedSession.class)).isEmpty();
    }

    @Test
    void springQueryOverridesEveryPublicMethodOfQuery() {
        assertThat(notOverridden(Query.class, SpringQuery.class)).isEmpty();
    }

    @Test
    void springRowQueryOverridesEveryPublicMethodOfRowQueryButTheFinalOneThatDelegatesInside() {
        assertThat(notOverridden(RowQuery.class, SpringRowQuery.class)).containsExactly("groupBy(Property[])");
    }

    private static List<String> notOverridden(Class<?> core, Class<?> decorator) {
        return Arrays.stream(core.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .filter(method -> !declares(decorator, method))
                .map(method -> method.getName() + "(" + String.join(", ", Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName).toList()) + ")")
                .toList();
    }

    private static boolean declares(Class<?> decorator, Method method) {
        try {
            decorator.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
